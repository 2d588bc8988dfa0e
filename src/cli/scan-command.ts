import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { ExitCodeTracker } from '../engine/exit-code.js';
import type { Result, ScanTarget } from '../engine/result.js';
import { scanManifestsInParallel } from '../engine/parallel-scan.js';
import type { InputProblem } from '../sources/manifests/index.js';
import { decodeResults, JsonResultsStream } from '../report/json.js';
import { VERSION } from '../version.js';
import { resultsDocument } from '../engine/results-document.js';
import { scanManifests } from '../engine/scan-manifests.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { addExemptionOptions, loadWaivers, reportWaiverWarnings, type ExemptionFlags } from './exemptions.js';
import { JOBS_HELP, parseBenchmark, parseFailOn, parseFormat, parseJobs, parsePositiveInt, REPORT_FORMATS, UsageError, writeReport } from './output.js';

interface ScanFlags extends BenchmarkFlags, ExemptionFlags {
  format: string;
  output?: string;
  failOn: string;
  podTemplate: string[];
  showPassed?: boolean;
  maxDocumentBytes?: string;
  jobs?: string;
}

export function registerScanCommand(program: Command): void {
  const command = program
    .command('scan')
    .description('scan Kubernetes manifests: files, directories (recursively), or - for stdin')
    .argument('<paths...>', 'files, directories, or - for standard input')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: critical, high, medium, low, info, none', 'low')
    .option(
      '--pod-template <kind=path>',
      'where a custom resource keeps its pod template, e.g. Workflow=spec.podTemplate (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--show-passed', 'list passing subjects in the table too')
    .option('--max-document-bytes <n>', 'refuse YAML documents larger than this')
    .option('-j, --jobs <n>', JOBS_HELP);
  addExemptionOptions(addBenchmarkOptions(command))
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing at or above --fail-on failed; 1 findings at or above it; 2 the scan is incomplete
(unreadable or invalid input, or error results). 2 wins over 1.

Examples:
  kubeharden scan k8s/ app.yaml
  kubectl get deploy,ds,sts,po -A -o yaml | kubeharden scan -
  kubeharden scan k8s/ --format json -o results.json
  kubeharden scan k8s/ --format sarif -o kubeharden.sarif
  kubeharden scan k8s/ --config ci/.kubeharden.yaml --format junit -o junit.xml
  kubeharden scan k8s/ --benchmark cis-1.9
  kubeharden scan k8s/ --benchmark stig-v2r2 --format ckl --asset-name prod -o prod.ckl`,
    )
    .action(async (paths: string[], flags: ScanFlags) => {
      const format = parseFormat(flags.format);
      const failOn = parseFailOn(flags.failOn);
      parseBenchmark(flags.benchmark);
      const podTemplatePaths = parsePodTemplates(flags.podTemplate);
      const maxDocumentBytes = flags.maxDocumentBytes === undefined ? undefined : parsePositiveInt(flags.maxDocumentBytes, '--max-document-bytes');
      const jobs = parseJobs(flags.jobs);
      const waivers = await loadWaivers(flags);
      const startedAt = new Date().toISOString();
      const targets: ScanTarget[] = [{ type: 'manifests', paths }];
      const exit = new ExitCodeTracker(failOn);
      // JSON is written as results arrive; other formats need the whole document.
      const stream = format === 'json' ? new JsonResultsStream(flags.output, { schemaVersion: 1, tool: { name: 'kubeharden', version: VERSION } }) : undefined;
      const scanOptions = { waivers, controls: CATALOG, podTemplatePaths, maxDocumentBytes, onProblem: reportProblem };
      const results: Result[] = [];
      const onResult = (result: Result) => {
        exit.add(result);
        if (stream) stream.write(result);
        else results.push(result);
      };
      if (paths.includes('-')) {
        await scanManifests(paths, { ...scanOptions, onResult });
      } else {
        await scanManifestsInParallel(paths, { ...scanOptions, jobs, failOn }, {
          result: onResult,
          encoded: (batch) => {
            exit.addCode(batch.exitCode);
            if (stream) stream.writeEncoded(batch.chunks, batch.count, batch.summary);
            else for (const result of decodeResults(batch.chunks)) results.push(result);
          },
        });
      }
      const warnings = reportWaiverWarnings(waivers);
      const scan = { startedAt, finishedAt: new Date().toISOString(), targets, ...(warnings.length > 0 ? { warnings } : {}) };
      if (stream) {
        stream.end(scan);
      } else {
        const document = resultsDocument(results, targets, startedAt, scan.finishedAt);
        document.scan = scan;
        await writeReport(document, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
      }
      process.exitCode = exit.code;
    });
}

function reportProblem(problem: InputProblem): void {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  process.stderr.write(`kubeharden: ${problem.level === 'error' ? 'error' : 'note'}: ${where}: ${problem.message}\n`);
}

function parsePodTemplates(values: string[]): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const value of values) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=([A-Za-z0-9_.]*)$/.exec(value);
    if (!match) throw new UsageError(`--pod-template "${value}" is not KIND=dotted.path (e.g. Workflow=spec.podTemplate)`);
    paths[match[1]!] = match[2]!;
  }
  return paths;
}
