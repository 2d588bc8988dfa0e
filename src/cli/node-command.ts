import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { inputErrorResult } from '../engine/input-errors.js';
import { resultsDocument } from '../engine/results-document.js';
import { filesNeeded, nodeTarget, scanNode } from '../engine/scan-node.js';
import { readNode } from '../sources/node/index.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { addExemptionOptions, loadWaivers, reportWaiverWarnings, type ExemptionFlags } from './exemptions.js';
import { parseBenchmark, parseFailOn, parseFormat, REPORT_FORMATS, UsageError, writeReport } from './output.js';

interface NodeFlags extends ExemptionFlags, BenchmarkFlags {
  root: string;
  format: string;
  output?: string;
  failOn: string;
  kubernetesVersion?: string;
  showPassed?: boolean;
}

export function registerNodeCommand(program: Command): void {
  const command = program
    .command('node')
    .description('audit one node: control-plane and kubelet configuration, file permissions and owners, services')
    .option('--root <dir>', 'the node filesystem to audit: / for this host, or a mounted node image or copied tree', '/')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: critical, high, medium, low, info, none', 'low')
    .option('--kubernetes-version <version>', 'the Kubernetes version whose defaults apply, where the node does not show it (k3s, node images)')
    .option('--show-passed', 'list passing subjects in the table too');
  addExemptionOptions(addBenchmarkOptions(command))
    .addHelpText(
      'after',
      `
Reads, never writes: processes (<root>/proc), static pod manifests, the kubelet's systemd unit and
config file, k3s/RKE2 config, and the modes and owners of the files the CIS and STIG texts name
(owners named by <root>/etc/passwd and <root>/etc/group). Symlinks are resolved inside the root;
one that points out of it is not followed and is reported.

Exit codes: 0 nothing at or above --fail-on failed; 1 findings at or above it; 2 the scan is incomplete
(unreadable evidence, or error results). 2 wins over 1.

Examples:
  sudo kubeharden node
  kubeharden node --root /mnt/node-image --format json -o node.json
  kubeharden node --benchmark stig-v2r2 --fail-on medium
  kubeharden node --benchmark stig-v2r2 --format ckl -o node1.ckl     # STIG Viewer checklist of this node`,
    )
    .action(async (flags: NodeFlags) => {
      const format = parseFormat(flags.format);
      const failOn = parseFailOn(flags.failOn);
      parseBenchmark(flags.benchmark);
      let isDir = false;
      try {
        isDir = statSync(flags.root).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw new UsageError(`--root "${flags.root}" is not a directory`);
      const waivers = await loadWaivers(flags);
      const startedAt = new Date().toISOString();
      if (flags.kubernetesVersion !== undefined && !/^v?\d+\.\d+(\.\d+)?/.test(flags.kubernetesVersion)) {
        throw new UsageError(`--kubernetes-version "${flags.kubernetesVersion}" is not a version such as 1.30 or v1.30.2`);
      }
      const node = readNode(flags.root, {
        filesToLoad: filesNeeded(CATALOG),
        ...(flags.kubernetesVersion ? { kubernetesVersion: flags.kubernetesVersion } : {}),
      });
      const results = scanNode(node, CATALOG).map((result) => waivers.apply(result));
      if (Object.keys(node.components).length === 0) {
        // Nothing to audit is not a clean bill of health: a wrong --root must not pass.
        const message = `no Kubernetes component (kubelet, kube-proxy, control plane) was found under ${flags.root}: no process, static pod, systemd unit or k3s/RKE2 install; is --root the node's filesystem?`;
        results.unshift(inputErrorResult(flags.root, message));
        process.stderr.write(`kubeharden: error: ${message}\n`);
      }
      for (const problem of node.problems) process.stderr.write(`kubeharden: error: ${problem.path}: ${problem.message}\n`);
      const target = nodeTarget(flags.root, node);
      if (flags.benchmark) target.benchmark = flags.benchmark;
      const warnings = reportWaiverWarnings(waivers);
      const document = resultsDocument(results, [target], startedAt);
      if (warnings.length > 0) document.scan = { ...document.scan, warnings };
      await writeReport(document, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
      process.exitCode = exitCodeFor(results, failOn);
    });
}
