import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { ExitCodeTracker } from '../engine/exit-code.js';
import { inputErrorResult } from '../engine/input-errors.js';
import type { Result, ScanTarget } from '../engine/result.js';
import { resultsDocument } from '../engine/results-document.js';
import { scanEks } from '../engine/scan-eks.js';
import { evidenceError, present, type EksEvidence } from '../evidence/eks.js';
import { scanCluster } from '../engine/scan-cluster.js';
import type { WaiverSet } from '../engine/waivers.js';
import { ClusterUnreachableError, collectCluster, DEFAULT_PAGE_SIZE, type ClusterItem } from '../sources/cluster/collect.js';
import { CLUSTER_RESOURCES } from '../sources/cluster/resources.js';
import { connect } from './cluster-command.js';
import type { SourcedObject } from '../evidence/kube-object.js';
import { readManifests } from '../sources/manifests/index.js';
import { collectEksFromDir, EksInputError } from '../sources/eks/from-dir.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { addExemptionOptions, loadWaivers, reportWaiverWarnings, type ExemptionFlags } from './exemptions.js';
import { parseBenchmark, parseFailOn, parseFormat, REPORT_FORMATS, UsageError, writeReport } from './output.js';

interface EksFlags extends ExemptionFlags, BenchmarkFlags {
  kubeconfig?: string;
  context?: string;
  requestTimeout: string;
  fromDir?: string;
  cluster?: string;
  region?: string;
  endpointUrl?: string;
  profile?: string;
  withCluster?: boolean;
  objects: string[];
  approvedRegistry: string[];
  format: string;
  output?: string;
  failOn: string;
  showPassed?: boolean;
}

export function registerEksCommand(program: Command): void {
  const command = program
    .command('eks')
    .description('audit an Amazon EKS cluster: ComplianceAsCode EKS rules and CIS Amazon EKS items, from AWS CLI outputs or the AWS API')
    .option('--from-dir <dir>', 'read AWS CLI JSON/YAML outputs (and kubectl -o yaml dumps) from a directory; files are recognised by content')
    .option('--cluster <name>', 'the cluster to audit live through the AWS SDK (or to pick among several in --from-dir)')
    .option('--region <region>', 'AWS region (default: AWS_REGION or the profile\'s region)')
    .option('--endpoint-url <url>', 'send every AWS API call to this URL')
    .option('--profile <name>', 'AWS shared config profile')
    .option('--with-cluster', 'also read the cluster\'s Kubernetes objects through the Kubernetes API')
    .option('--kubeconfig <file>', 'with --with-cluster: kubeconfig file (default: KUBECONFIG, ~/.kube/config)')
    .option('--context <name>', 'with --with-cluster: kubeconfig context (default: its current-context)')
    .option('--request-timeout <duration>', 'with --with-cluster: per Kubernetes API request, e.g. 30s', '30s')
    .option('--objects <path>', 'the cluster\'s Kubernetes objects from files or directories (kubectl get … -A -o yaml output; repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--approved-registry <prefix>', 'a registry (or repository prefix) workloads may pull from (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: critical, high, medium, low, info, none', 'low')
    .option('--show-passed', 'list passing subjects in the table too');
  addExemptionOptions(addBenchmarkOptions(command))
    .addHelpText(
      'after',
      `
Read-only: only Describe*, List* and Get* calls are made, with the AWS SDK's default credential chain.
Evidence that is missing gives "manual" (naming what to add); AccessDenied gives "error" (exit 2).

Examples:
  aws eks describe-cluster --name prod > dump/cluster.json   # and list-nodegroups, describe-nodegroup, ecr …
  kubeharden eks --from-dir dump/
  kubeharden eks --cluster prod --region us-east-1 --format json -o eks.json
  kubectl get sa,svc,ingress,ds,deploy,sts,cj,po,cm -A -o yaml > k8s.yaml
  kubeharden eks --cluster prod --objects k8s.yaml
  kubeharden eks --cluster prod --with-cluster --context prod   # plus the whole Kubernetes API scan
  kubeharden eks --from-dir dump/ --benchmark cis-eks-1.8.0
  kubeharden eks --from-dir dump/ --approved-registry 111122223333.dkr.ecr.eu-west-1.amazonaws.com`,
    )
    .action(async (flags: EksFlags) => {
      const format = parseFormat(flags.format);
      const failOn = parseFailOn(flags.failOn);
      parseBenchmark(flags.benchmark);
      if (!flags.fromDir && !flags.cluster) throw new UsageError('name a cluster with --cluster NAME, or a directory of AWS CLI outputs with --from-dir DIR');
      if (flags.fromDir && (flags.endpointUrl || flags.profile)) throw new UsageError('--endpoint-url and --profile apply to a live scan; --from-dir reads files only');
      if (!flags.withCluster && (flags.kubeconfig || flags.context)) throw new UsageError('--kubeconfig and --context apply with --with-cluster');
      const waivers = await loadWaivers(flags);
      const startedAt = new Date().toISOString();
      const extra: Result[] = [];
      let evidence: EksEvidence;
      const target: ScanTarget = { type: 'eks' };
      try {
        if (flags.fromDir) {
          const collection = await collectEksFromDir(flags.fromDir, { clusterName: flags.cluster, region: flags.region });
          evidence = collection.evidence;
          for (const problem of collection.problems) {
            process.stderr.write(`kubeharden: ${problem.level}: ${problem.line ? `${problem.file}:${problem.line}` : problem.file}: ${problem.message}\n`);
            if (problem.level === 'error') extra.push(inputErrorResult(problem.file, problem.message, problem.line));
          }
          for (const skip of collection.skipped) process.stderr.write(`kubeharden: note: ${skip.file}: skipped: ${skip.reason}\n`);
          Object.assign(target, { fromDir: flags.fromDir, recognised: collection.recognised, skipped: collection.skipped });
        } else {
          // The AWS SDK loads only for live EKS scans: importing it costs every other command most of a second.
          const { collectEksLive } = await import('../sources/eks/live.js');
          evidence = await collectEksLive({ clusterName: flags.cluster!, region: flags.region, endpointUrl: flags.endpointUrl, profile: flags.profile });
          Object.assign(target, flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {});
        }
      } catch (error) {
        if (error instanceof EksInputError) throw new UsageError(error.message);
        throw error;
      }
      let clusterResults: Result[] | undefined;
      const targets: ScanTarget[] = [target];
      if (flags.withCluster) {
        const scanned = await scanKubernetesApi(flags, evidence, waivers);
        clusterResults = scanned.results;
        targets.push(scanned.target);
      }
      if (flags.objects.length > 0) {
        const objects = await readObjects(flags.objects, extra);
        if (objects.length === 0) process.stderr.write(`kubeharden: note: ${flags.objects.join(', ')}: no Kubernetes object found\n`);
        const earlier = evidence.kubernetes.state === 'present' ? evidence.kubernetes.value : [];
        if (objects.length > 0 && evidence.kubernetes.state !== 'error') {
          evidence.kubernetes = present([...earlier, ...objects], flags.objects.join(', '));
          if (evidence.kubernetesKinds) evidence.kubernetesKinds = [...new Set([...evidence.kubernetesKinds, ...objects.map((o) => o.object.kind)])];
        }
        Object.assign(target, { objects: flags.objects });
      }
      Object.assign(target, { cluster: evidence.clusterName, ...(evidence.region ? { region: evidence.region } : {}) });
      if (flags.approvedRegistry.length > 0) evidence.approvedRegistries = flags.approvedRegistry;
      const results = [...extra, ...scanEks(CATALOG, evidence, { waivers, clusterResults }), ...(clusterResults ?? [])];
      const exit = new ExitCodeTracker(failOn);
      for (const result of results) exit.add(result);
      const warnings = reportWaiverWarnings(waivers);
      const document = resultsDocument(results, targets, startedAt);
      if (warnings.length > 0) document.scan.warnings = warnings;
      await writeReport(document, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
      process.exitCode = exit.code;
    });
}

/** Kubernetes objects from manifest files and kubectl dumps; unreadable input becomes an input error result. */
async function readObjects(paths: string[], errors: Result[]): Promise<SourcedObject[]> {
  const objects: SourcedObject[] = [];
  for await (const item of readManifests(paths)) {
    if (item.type === 'object') {
      objects.push(item.item);
      continue;
    }
    const { problem } = item;
    process.stderr.write(`kubeharden: ${problem.level}: ${problem.line ? `${problem.file}:${problem.line}` : problem.file}: ${problem.message}\n`);
    if (problem.level === 'error') errors.push(inputErrorResult(problem.file, problem.message, problem.line));
  }
  return objects;
}

/**
 * `--with-cluster`: the Kubernetes API scan of the same cluster (every control of the catalog, as
 * `kubeharden cluster` runs them), whose objects are also the EKS controls' Kubernetes evidence.
 */
async function scanKubernetesApi(flags: EksFlags, evidence: EksEvidence, waivers: WaiverSet): Promise<{ results: Result[]; target: ScanTarget }> {
  const live = await connect({ kubeconfig: flags.kubeconfig, context: flags.context, chunkSize: String(DEFAULT_PAGE_SIZE), requestTimeout: flags.requestTimeout, concurrency: '8' });
  const objects: SourcedObject[] = [];
  async function* keepObjects(items: AsyncIterable<ClusterItem>): AsyncGenerator<ClusterItem> {
    for await (const item of items) {
      if (item.type === 'object') objects.push(item.item);
      yield item;
    }
  }
  let scan;
  try {
    scan = await scanCluster(keepObjects(collectCluster(live.client, { pageSize: live.pageSize })), {
      controls: CATALOG.filter((c) => c.scope !== 'eks'),
      clusterName: live.context,
      waivers,
      ownersFirst: true,
      complete: true,
    });
  } catch (error) {
    throw error instanceof ClusterUnreachableError ? new UsageError(error.message) : error;
  } finally {
    live.client.close();
  }
  for (const error of scan.errors) process.stderr.write(`kubeharden: error: ${error.message}\n`);
  // A list that failed would make absent objects look like a pass (no LoadBalancer, no DaemonSet): fail closed.
  evidence.kubernetes = scan.errors.length > 0
    ? evidenceError(`the Kubernetes API scan could not read everything: ${scan.errors.map((e) => e.message).join('; ')}`)
    : present(objects, `Kubernetes API (context ${live.context})`);
  evidence.kubernetesKinds = CLUSTER_RESOURCES.map((r) => r.kind);
  const target: ScanTarget = { type: 'cluster', context: live.context, server: live.server };
  if (scan.serverVersion) target.serverVersion = scan.serverVersion.gitVersion;
  return { results: scan.results, target };
}
