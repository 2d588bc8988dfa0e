import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { mergeDocuments, type MergeInput } from '../engine/merge.js';
import type { ResultsDocument, ScanTarget } from '../engine/result.js';
import { resultsDocument } from '../engine/results-document.js';
import { scanCluster } from '../engine/scan-cluster.js';
import type { WaiverSet } from '../engine/waivers.js';
import { DEFAULT_IMAGE_REPOSITORY } from '../fleet/deploy-manifests.js';
import { KubeFleetApi } from '../fleet/fleet-api.js';
import { FleetAbortedError, FleetError, fleetDocuments, runFleet } from '../fleet/fleet-run.js';
import { FLEET_NAMESPACE } from '../fleet/node-audit-job.js';
import type { KubeApiClient } from '../sources/cluster/api-client.js';
import { ClusterUnreachableError, collectCluster, DEFAULT_PAGE_SIZE } from '../sources/cluster/collect.js';
import { VERSION } from '../version.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { connect, parseDuration } from './cluster-command.js';
import { addExemptionOptions, loadWaivers, reportWaiverWarnings, type ExemptionFlags } from './exemptions.js';
import { parseBenchmark, parseFailOn, parseFormat, parsePositiveInt, REPORT_FORMATS, UsageError, writeReport } from './output.js';

interface FleetRunFlags extends ExemptionFlags, BenchmarkFlags {
  kubeconfig?: string;
  context?: string;
  namespace: string;
  image: string;
  imagePullSecret?: string[];
  nodeSelector?: string[];
  tolerateAll?: boolean;
  timeout: string;
  parallelism: string;
  requestTimeout: string;
  clusterScan: boolean;
  keepJobs?: boolean;
  format: string;
  output?: string;
  failOn: string;
  showPassed?: boolean;
  /** Test hooks: the first pause between polls of a Job's pods, and its ceiling. */
  pollInterval?: string;
}

const collectList = (value: string, previous: string[] = []) => [...previous, value];

/** One `--node-selector` term: key=value, key==value, key!=value, key or !key (label selector syntax). */
function nodeSelectorTerm(term: string): string {
  const label = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?';
  const valid = new RegExp(`^(!?${label}|${label}(==|=|!=)([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$`);
  for (const part of term.split(',')) {
    if (!valid.test(part.trim())) throw new UsageError(`--node-selector "${term}" is not a label selector such as node-role.kubernetes.io/control-plane= or pool!=gpu`);
  }
  return term;
}

export function registerFleetCommand(program: Command): void {
  const fleet = program
    .command('fleet')
    .description('audit every node of a cluster from inside it: one node-audit Job per node, merged with the cluster scan into one report');
  const run = fleet
    .command('run')
    .description('run the node audit as a Job pinned to each node, collect their results, add the cluster scan, report once')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the pod service account)')
    .option('--context <name>', 'kubeconfig context to use (default: its current-context)')
    .option('-n, --namespace <name>', 'the namespace of the node-audit Jobs (deploy/kubeharden.yaml creates it)', FLEET_NAMESPACE)
    .option('--image <image>', 'the kubeharden image the Jobs run', `${DEFAULT_IMAGE_REPOSITORY}:${VERSION}`)
    .option('--image-pull-secret <name>', 'a Secret in --namespace to pull the image with (repeatable)', collectList)
    .option('--node-selector <selector>', 'audit only nodes with these labels, e.g. node-role.kubernetes.io/control-plane= (repeatable; all must match)', collectList)
    .option('--tolerate-all', 'tolerate every taint, so tainted and cordoned nodes (control planes) are audited too')
    .option('--timeout <duration>', 'per node, from its Job\'s creation to its result, e.g. 10m, 90s', '5m')
    .option('--parallelism <n>', 'nodes audited at once', '10')
    .option('--request-timeout <duration>', 'per API request, e.g. 30s', '30s')
    .option('--no-cluster-scan', 'only the nodes: leave out the scan of the cluster\'s objects')
    .option('--keep-jobs', 'leave the Jobs (and their pods and logs) in the cluster; they expire by ttlSecondsAfterFinished')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above: critical, high, medium, low, info, none', 'low')
    .option('--show-passed', 'list passing subjects in the table too');
  // Not in --help: tests poll a fake API server fast.
  run.addOption(run.createOption('--poll-interval <duration>').hideHelp());
  addExemptionOptions(addBenchmarkOptions(run))
    .addHelpText(
      'after',
      `
Lists the nodes (--node-selector narrows them), creates one Job per node in --namespace, pinned to
the node by name, running \`kubeharden node --root /host\` over read-only host mounts (the Job of
deploy/kubeharden.yaml; --parallelism at a time), waits up to --timeout for each, reads each node's
JSON results from its pod log, and merges them with the cluster scan (as \`kubeharden cluster\`, run
first so that it does not report the run's own Jobs) into one report. Every listed node is in it: with its results and a passing fleet-node-audited result,
or with a fleet-node-audited error saying why it could not be audited (pod unschedulable: taints,
cordoned; image pull failure; the audit failed; a garbled log; timeout; node deleted).

Writes nothing but its own Jobs, in --namespace only, labelled kubeharden.io/run=<run id>, and
deletes them (propagationPolicy Background: their pods too) at the end, on errors and on Ctrl-C
(a second Ctrl-C exits at once). Needs deploy/kubeharden.yaml applied: its kubeharden-fleet Role
(create, get, delete jobs; list pods; get pods/log in that namespace) and the read-only ClusterRoles
(nodes are listed cluster-wide). Progress goes to stderr.

Exit codes: 0 nothing at or above --fail-on failed; 1 findings at or above it; 2 incomplete: a node
was not audited, something could not be read, or bad arguments; 130 interrupted.

Examples:
  kubeharden fleet run --context prod -f json -o prod.json
  kubeharden fleet run --node-selector node-role.kubernetes.io/control-plane= --tolerate-all
  kubeharden fleet run --image registry.example/kubeharden:${VERSION} --image-pull-secret regcred --timeout 10m --parallelism 20 --benchmark cis-1.10`,
    )
    .action(async (flags: FleetRunFlags) => runFleetCommand(flags));
}

async function runFleetCommand(flags: FleetRunFlags): Promise<void> {
  const format = parseFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  parseBenchmark(flags.benchmark);
  const timeoutMs = parseDuration(flags.timeout, '--timeout');
  const parallelism = parsePositiveInt(flags.parallelism, '--parallelism');
  const pollMs = flags.pollInterval === undefined ? undefined : parseDuration(flags.pollInterval, '--poll-interval');
  const nodeSelector = (flags.nodeSelector ?? []).map(nodeSelectorTerm).join(',') || undefined;
  const waivers = await loadWaivers(flags);
  const startedAt = new Date().toISOString();
  const live = await connect({
    kubeconfig: flags.kubeconfig,
    context: flags.context,
    chunkSize: String(DEFAULT_PAGE_SIZE),
    requestTimeout: flags.requestTimeout,
    concurrency: '8',
  });
  const progress = (line: string) => process.stderr.write(`kubeharden: fleet: ${line}\n`);
  const inputs: MergeInput[] = [];
  let notDeleted: string[] = [];
  try {
    // First, so that the scan does not report this run's own Jobs and their terminating pods.
    if (flags.clusterScan) inputs.push({ name: 'cluster scan', document: await clusterScanDocument(live.client, live.context, live.server, live.pageSize, waivers) });
    const controller = new AbortController();
    let signalled: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
      signalled = signal;
      progress(`${signal}: stopping; deleting this run's Jobs (again to exit at once)`);
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const fleetRun = await runFleet(new KubeFleetApi(live.client), {
        namespace: flags.namespace,
        image: flags.image,
        imagePullSecrets: flags.imagePullSecret,
        nodeSelector,
        tolerateAll: flags.tolerateAll,
        timeoutMs,
        parallelism,
        keepJobs: flags.keepJobs,
        signal: controller.signal,
        progress,
        ...(pollMs === undefined ? {} : { pollMs, maxPollMs: pollMs * 4 }),
      });
      notDeleted = fleetRun.notDeleted;
      inputs.push(...fleetDocuments(fleetRun, startedAt, new Date().toISOString(), (result) => waivers.apply(result)));
    } catch (error) {
      if (error instanceof FleetAbortedError) {
        progress(error.message);
        process.exitCode = 128 + (signalled === 'SIGTERM' ? 15 : 2);
        return;
      }
      if (error instanceof FleetError) throw new UsageError(error.message);
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  } finally {
    live.client.close();
  }
  const merged = mergeDocuments(inputs);
  const warnings = [
    ...(merged.scan.warnings ?? []),
    ...reportWaiverWarnings(waivers),
    ...notDeleted.map((job) => `fleet: Job ${job} could not be deleted`),
  ];
  for (const warning of merged.scan.warnings ?? []) process.stderr.write(`kubeharden: warning: ${warning}\n`);
  if (warnings.length > 0) merged.scan.warnings = [...new Set(warnings)].sort();
  await writeReport(merged, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
  process.exitCode = exitCodeFor(merged.results, failOn);
}

/** `kubeharden cluster` of the same cluster, as a document to merge (waivers applied). */
async function clusterScanDocument(client: KubeApiClient, context: string, server: string, pageSize: number, waivers: WaiverSet): Promise<ResultsDocument> {
  const startedAt = new Date().toISOString();
  process.stderr.write('kubeharden: fleet: scanning the cluster\'s objects\n');
  let scan;
  try {
    scan = await scanCluster(collectCluster(client, { pageSize }), { controls: CATALOG, clusterName: context, waivers, ownersFirst: true, complete: true });
  } catch (error) {
    throw error instanceof ClusterUnreachableError ? new UsageError(error.message) : error;
  }
  for (const error of scan.errors) process.stderr.write(`kubeharden: error: ${error.message}\n`);
  const target: ScanTarget = { type: 'cluster', context, server };
  if (scan.serverVersion) target.serverVersion = scan.serverVersion.gitVersion;
  return resultsDocument(scan.results, [target], startedAt);
}
