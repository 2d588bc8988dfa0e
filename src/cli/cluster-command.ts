import { Option, type Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import type { KubeObject } from '../evidence/kube-object.js';
import { EXIT_INCOMPLETE, ExitCodeTracker } from '../engine/exit-code.js';
import { inputErrorResult } from '../engine/input-errors.js';
import type { Result, ScanTarget } from '../engine/result.js';
import { resultsDocument } from '../engine/results-document.js';
import { scanCluster } from '../engine/scan-cluster.js';
import { KubeApiClient } from '../sources/cluster/api-client.js';
import { ClusterUnreachableError, collectCluster, DEFAULT_PAGE_SIZE, type ClusterItem } from '../sources/cluster/collect.js';
import { KubeconfigError, loadKubeconfig } from '../sources/cluster/kubeconfig.js';
import { KUBELET_CONFIGURATION } from '../sources/cluster/resources.js';
import { openSnapshot, writeSnapshot } from '../sources/cluster/snapshot.js';
import { decodeResults, JsonResultsStream } from '../report/json.js';
import { VERSION } from '../version.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { addExemptionOptions, loadWaivers, reportWaiverWarnings, type ExemptionFlags } from './exemptions.js';
import { JOBS_HELP, parseBenchmark, parseFailOn, parseFormat, parseJobs, parsePositiveInt, REPORT_FORMATS, UsageError, writeReport } from './output.js';

export interface KubeFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  allNamespaces?: boolean;
  chunkSize: string;
  requestTimeout: string;
  concurrency: string;
}

interface ClusterFlags extends KubeFlags, ExemptionFlags, BenchmarkFlags {
  snapshot?: string;
  jobs?: string;
  format: string;
  output?: string;
  failOn: string;
  showPassed?: boolean;
}

/** The kubectl-style connection flags both commands share. */
function addKubeOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the pod service account)')
    .option('--context <name>', 'kubeconfig context to use (default: its current-context)')
    .addOption(new Option('-n, --namespace <name>', 'read one namespace (and the cluster-scoped objects that govern it)').conflicts('allNamespaces'))
    .option('-A, --all-namespaces', 'read every namespace, nodes and the control plane (the default)')
    .option('--chunk-size <n>', 'objects per list request (limit/continue pagination)', String(DEFAULT_PAGE_SIZE))
    .option('--request-timeout <duration>', 'per request, e.g. 30s, 500ms, 2m', '30s')
    .option('--concurrency <n>', 'API requests in flight at once', '8');
}

export function registerClusterCommands(program: Command): void {
  const clusterCommand = addKubeOptions(
    program
      .command('cluster')
      .description('scan a live cluster through kubeconfig, or a snapshot of one (--snapshot FILE)'),
  )
    .option('--snapshot <file>', 'scan a saved snapshot (kubeharden snapshot, or a kubectl get -A -o yaml|json dump) instead')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: critical, high, medium, low, info, none', 'low')
    .option('--show-passed', 'list passing subjects in the table too')
    .option('-j, --jobs <n>', JOBS_HELP);
  addExemptionOptions(addBenchmarkOptions(clusterCommand))
    .addHelpText(
      'after',
      `
Reads namespaces, workloads (Deployments … Pods), service accounts, RBAC, network policies, Secrets
(metadata only: secret data is never requested), ConfigMaps (checked for credentials), nodes,
webhook configurations, kubelet configurations (nodes/proxy configz) and the server version. Only get and list are used; the
least-privilege ClusterRole is deploy/rbac.yaml. A pod owned by a collected controller is reported
through its owner. What cannot be read (403, timeout) is reported as an error result.

Exit codes: 0 nothing at or above --fail-on failed; 1 findings at or above it; 2 the scan is
incomplete (something could not be read, or bad arguments). 2 wins over 1.

Examples:
  kubeharden cluster
  kubeharden cluster --context prod -n payments --format json -o results.json
  kubeharden cluster --benchmark auto                # the CIS version for the server's Kubernetes version
  kubeharden cluster --snapshot prod.json`,
    )
    .action(async (flags: ClusterFlags) => runCluster(flags));

  addKubeOptions(
    program
      .command('snapshot')
      .description('save everything `cluster` reads (Secrets as metadata only) to one JSON file for offline scans'),
  )
    .requiredOption('-o, --output <file>', 'the snapshot file to write (- for standard output)')
    .addHelpText(
      'after',
      `
The file is a kind: List of the objects, followed by the server version and what could not be read;
\`kubeharden cluster --snapshot FILE\` gives the same results as the live scan did.
Exit code 2 when something could not be read (the snapshot is still written).

Example:
  kubeharden snapshot --context prod -o prod-$(date +%F).json`,
    )
    .action(async (flags: KubeFlags & { output: string }) => runSnapshot(flags));
}

async function runCluster(flags: ClusterFlags): Promise<void> {
  const format = parseFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  parseBenchmark(flags.benchmark);
  const jobs = parseJobs(flags.jobs);
  const waivers = await loadWaivers(flags);
  const startedAt = new Date().toISOString();
  const namespace = flags.namespace;
  let items: AsyncIterable<ClusterItem> | Iterable<ClusterItem>;
  let target: ScanTarget;
  let clusterName: string | undefined;
  let ownersFirst = true;
  let snapshotNamespace: string | undefined;
  const inputErrors: Result[] = [];
  let client: KubeApiClient | undefined;
  if (flags.snapshot !== undefined) {
    if (flags.kubeconfig !== undefined || flags.context !== undefined) throw new UsageError('--snapshot reads a file; --kubeconfig and --context do not apply');
    const snapshot = await openSnapshot(flags.snapshot);
    for (const problem of snapshot.problems) {
      const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
      process.stderr.write(`kubeharden: ${problem.level === 'error' ? 'error' : 'note'}: ${where}: ${problem.message}\n`);
      if (problem.level === 'error') inputErrors.push(inputErrorResult(problem.file, problem.message, problem.line));
    }
    items = namespace === undefined ? snapshot.items : inNamespaceScope(snapshot.items, namespace);
    clusterName = snapshot.info?.context;
    ownersFirst = snapshot.info !== undefined;
    snapshotNamespace = snapshot.info?.namespace;
    target = { type: 'snapshot', file: flags.snapshot };
    if (snapshot.info) Object.assign(target, { context: snapshot.info.context, server: snapshot.info.server, collectedAt: snapshot.info.collectedAt });
    const scope = namespace ?? snapshotNamespace;
    if (scope !== undefined) target.namespace = scope;
  } else {
    const live = await connect(flags);
    client = live.client;
    clusterName = live.context;
    target = { type: 'cluster', context: live.context, server: live.server };
    if (namespace !== undefined) target.namespace = namespace;
    items = collectCluster(client, { namespace, pageSize: live.pageSize, onProgress: progressLine() });
  }
  const exit = new ExitCodeTracker(failOn);
  for (const result of inputErrors) exit.add(result);
  // JSON is written as results arrive (50 000 pods); other formats need the whole document.
  const stream = format === 'json' ? new JsonResultsStream(flags.output, { schemaVersion: 1, tool: { name: 'kubeharden', version: VERSION } }) : undefined;
  for (const result of stream ? inputErrors : []) stream!.write(result);
  const collected: Result[] = [];
  let scan;
  try {
    scan = await scanCluster(items, {
      controls: CATALOG,
      clusterName,
      waivers,
      ownersFirst,
      // One namespace is not the whole cluster: what was not seen may exist elsewhere.
      complete: ownersFirst && namespace === undefined && (flags.snapshot === undefined || snapshotNamespace === undefined),
      onResult: (result) => {
        exit.add(result);
        if (stream) stream.write(result);
        else collected.push(result);
      },
      // A live cluster of tens of thousands of pods is checked on worker threads too (a snapshot, read from a file, is not).
      jobs: flags.snapshot === undefined ? jobs : 1,
      failOn,
      onEncoded: (batch) => {
        exit.addCode(batch.exitCode);
        if (stream) stream.writeEncoded(batch.chunks, batch.count, batch.summary);
        else for (const result of decodeResults(batch.chunks)) collected.push(result);
      },
    });
  } catch (error) {
    throw error instanceof ClusterUnreachableError ? new UsageError(error.message) : error;
  } finally {
    client?.close();
    clearProgress();
  }
  for (const error of scan.errors) process.stderr.write(`kubeharden: error: ${error.message}\n`);
  if (scan.serverVersion) target.serverVersion = scan.serverVersion.gitVersion;
  const warnings = reportWaiverWarnings(waivers);
  const scanInfo = { startedAt, finishedAt: new Date().toISOString(), targets: [target], ...(warnings.length > 0 ? { warnings } : {}) };
  if (stream) {
    stream.end(scanInfo);
  } else {
    const results = [...inputErrors, ...collected];
    const document = resultsDocument(results, [target], startedAt, scanInfo.finishedAt);
    document.scan = scanInfo;
    await writeReport(document, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
  }
  process.exitCode = exit.code;
}

async function runSnapshot(flags: KubeFlags & { output: string }): Promise<void> {
  const live = await connect(flags);
  const namespace = flags.namespace;
  let info;
  try {
    const items = collectCluster(live.client, { namespace, pageSize: live.pageSize, onProgress: progressLine() });
    info = await writeSnapshot(flags.output, { context: live.context, server: live.server, ...(namespace === undefined ? {} : { namespace }) }, items);
  } catch (error) {
    throw error instanceof ClusterUnreachableError ? new UsageError(error.message) : error;
  } finally {
    live.client.close();
    clearProgress();
  }
  for (const error of info.errors) process.stderr.write(`kubeharden: error: ${error.message}\n`);
  const incomplete = info.errors.length > 0 ? ` (incomplete: ${info.errors.length} could not be read)` : '';
  process.stderr.write(`kubeharden: snapshot of ${live.context} written to ${flags.output === '-' ? 'standard output' : flags.output}${incomplete}\n`);
  process.exitCode = info.errors.length > 0 ? EXIT_INCOMPLETE : 0;
}

export async function connect(flags: KubeFlags) {
  const pageSize = parsePositiveInt(flags.chunkSize, '--chunk-size');
  const concurrency = parsePositiveInt(flags.concurrency, '--concurrency');
  const timeoutMs = parseDuration(flags.requestTimeout);
  try {
    const { kubeConfig, context, server } = await loadKubeconfig({ kubeconfig: flags.kubeconfig, context: flags.context });
    return { client: new KubeApiClient(kubeConfig, { timeoutMs, concurrency }), context, server, pageSize };
  } catch (error) {
    if (error instanceof KubeconfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** -n on a snapshot: that namespace's objects and the cluster-scoped ones a live -n scan reads too. */
async function* inNamespaceScope(items: AsyncIterable<ClusterItem> | Iterable<ClusterItem>, namespace: string): AsyncGenerator<ClusterItem> {
  for await (const item of items) if (item.type !== 'object' || objectInNamespaceScope(item.item.object, namespace)) yield item;
}

function objectInNamespaceScope(object: KubeObject, namespace: string): boolean {
  const own = object.metadata?.namespace;
  if (typeof own === 'string' && own !== '') return own === namespace;
  if (object.kind === 'Namespace') return object.metadata?.name === namespace;
  return object.kind !== 'Node' && object.kind !== KUBELET_CONFIGURATION.kind;
}

let progressShown = false;

/** A progress line on stderr, only when a person watches it (a TTY). */
function progressLine(): ((progress: { resource: string; objects: number }) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return ({ resource, objects }) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    progressShown = true;
    process.stderr.write(`\r\u001b[Kreading ${resource}: ${objects}`);
  };
}

function clearProgress(): void {
  if (progressShown) process.stderr.write('\r\u001b[K');
  progressShown = false;
}

/** kubectl's --request-timeout forms: 30s, 500ms, 2m, 1h, or bare seconds. */
export function parseDuration(value: string, flag = '--request-timeout'): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const n = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'] : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a duration such as 30s, 500ms or 2m, not "${value}"`);
  return Math.round(n);
}
