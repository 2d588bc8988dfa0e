import { randomBytes } from 'node:crypto';
import type { Result, ResultsDocument } from '../engine/result.js';
import { resultsDocument } from '../engine/results-document.js';
import { asArray, isRecord, type KubeObject } from '../evidence/kube-object.js';
import { apiErrorStatus, describeApiError, type FleetApi, type FleetNode } from './fleet-api.js';
import { FLEET_RUN_LABEL, nodeAuditJob, nodeAuditJobName } from './node-audit-job.js';
import { NodeLogError, nodeDocumentFromLog } from './node-document.js';
import { nodeAuditedResult, nodeNotAuditedResult, podOutcome } from './pod-outcome.js';
import type { MergeInput } from '../engine/merge.js';

export interface FleetRunOptions {
  /** Where the Jobs are created (and nothing else). */
  namespace: string;
  image: string;
  /** Secrets in `namespace` to pull the image with. */
  imagePullSecrets?: string[];
  /** A label selector of the nodes to audit (`--node-selector`); every node when absent. */
  nodeSelector?: string;
  tolerateAll?: boolean;
  /** Per node, from its Job's creation to its result. */
  timeoutMs: number;
  /** Nodes audited at once. */
  parallelism: number;
  /** Leave the Jobs (and their pods and logs) in the cluster. */
  keepJobs?: boolean;
  /** Names this run's Jobs; random when absent. */
  runId?: string;
  /** First pause between polls of a Job's pods; it grows by half each poll up to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** The most log bytes read per node; a longer log is reported as cut, not parsed. */
  logLimitBytes?: number;
  /** Ctrl-C: stop starting and waiting, delete what was created, then throw FleetAbortedError. */
  signal?: AbortSignal;
  /** One line per event, for stderr. */
  progress?: (line: string) => void;
}

/** One listed node: its audit, or the error result that says why there is none. */
export type NodeAudit = { node: string; document: ResultsDocument; diagnostics: string[]; pod: string } | { node: string; notAudited: Result };

export interface FleetRun {
  runId: string;
  nodes: NodeAudit[];
  /** Every Job this run created (or may have: a create whose reply was lost). */
  jobs: string[];
  /** Jobs that could not be deleted, with why; empty with --keep-jobs (nothing was tried). */
  notDeleted: string[];
}

/** The run cannot start (no node to audit, nodes not listable): exit 2. */
export class FleetError extends Error {}
/** The run was interrupted; its Jobs were deleted (unless --keep-jobs). */
export class FleetAbortedError extends Error {}

export const DEFAULT_LOG_LIMIT_BYTES = 32 * 1024 * 1024;
const CONTAINER = 'node-audit';

/** A run id: 6 characters valid in a label value and a Job name, unlikely to repeat. */
export function newRunId(): string {
  return `r${randomBytes(4).readUInt32BE(0).toString(36).padStart(7, '0').slice(-5)}`;
}

/**
 * `kubeharden fleet run` without the CLI: lists the nodes, runs one node-audit Job pinned to each
 * (at most `parallelism` at once), waits for each with a per-node timeout, reads each node's results
 * from its pod log, and deletes every Job it created — at the end, on error and when aborted.
 * Every listed node comes back either with its results document or with an `error` result of
 * `fleet-node-audited` saying why it could not be audited: the run never covers fewer nodes than it listed.
 */
export async function runFleet(api: FleetApi, options: FleetRunOptions): Promise<FleetRun> {
  const runId = options.runId ?? newRunId();
  const progress = options.progress ?? (() => {});
  const signal = options.signal;
  let nodes: FleetNode[];
  try {
    nodes = await api.listNodes(options.nodeSelector);
  } catch (error) {
    throw new FleetError(`cannot list nodes: ${describeApiError(error)}`);
  }
  if (nodes.length === 0) {
    throw new FleetError(options.nodeSelector ? `no node matches --node-selector ${options.nodeSelector}` : 'the cluster has no node');
  }
  progress(`auditing ${nodes.length} node${nodes.length === 1 ? '' : 's'} with Jobs labelled ${FLEET_RUN_LABEL}=${runId} in namespace ${options.namespace} (${Math.min(options.parallelism, nodes.length)} at once, ${formatDuration(options.timeoutMs)} each)`);
  const jobs = new Set<string>();
  let audits: NodeAudit[] = [];
  let notDeleted: string[] = [];
  try {
    audits = await mapBounded(nodes, options.parallelism, signal, (node) => auditNode(api, node, runId, jobs, options));
  } finally {
    if (!options.keepJobs) notDeleted = await deleteJobs(api, options.namespace, [...jobs], progress);
    else if (jobs.size > 0) progress(`kept ${jobs.size} Job${jobs.size === 1 ? '' : 's'}: kubectl -n ${options.namespace} delete jobs -l ${FLEET_RUN_LABEL}=${runId}`);
  }
  if (signal?.aborted) throw new FleetAbortedError(`interrupted${options.keepJobs ? '' : `; ${jobs.size - notDeleted.length} Job(s) deleted`}`);
  const missed = audits.filter((a) => 'notAudited' in a).map((a) => a.node);
  progress(`${nodes.length - missed.length} of ${nodes.length} node${nodes.length === 1 ? '' : 's'} audited${missed.length > 0 ? `; not audited: ${missed.join(', ')}` : ''}`);
  return { runId, nodes: audits, jobs: [...jobs], notDeleted };
}

/**
 * The run as documents to merge: each audited node's document with a `fleet-node-audited` pass,
 * and one document holding the error of every node that was not audited.
 */
export function fleetDocuments(run: FleetRun, startedAt: string, finishedAt: string, adjust: (result: Result) => Result = (r) => r): MergeInput[] {
  const inputs: MergeInput[] = [];
  const errors: Result[] = [];
  for (const audit of run.nodes) {
    if ('notAudited' in audit) {
      errors.push(audit.notAudited);
      continue;
    }
    const results = [...audit.document.results.map(adjust), nodeAuditedResult(audit.node, `its results are from pod ${audit.pod}`)];
    inputs.push({ name: `node ${audit.node}`, document: { ...audit.document, results } });
  }
  if (errors.length > 0) {
    inputs.push({ name: 'fleet run', document: resultsDocument(errors, [], startedAt, finishedAt) });
  }
  return inputs;
}

async function auditNode(api: FleetApi, node: FleetNode, runId: string, jobs: Set<string>, options: FleetRunOptions): Promise<NodeAudit> {
  const { namespace, signal } = options;
  const progress = options.progress ?? (() => {});
  const notAudited = async (reason: string, checkNode = true): Promise<NodeAudit> => {
    let why = reason;
    if (checkNode && !signal?.aborted) {
      try {
        if (!(await api.nodeExists(node.name))) why = `the node was deleted during the run (${reason})`;
      } catch {
        // The reason stands as it is.
      }
    }
    progress(`${node.name}: not audited: ${why}`);
    return { node: node.name, notAudited: nodeNotAuditedResult(node.name, why) };
  };
  const jobName = nodeAuditJobName(node.name, runId);
  const job = nodeAuditJob({
    node: node.name,
    image: options.image,
    namespace,
    runId,
    tolerateAll: options.tolerateAll,
    imagePullSecrets: options.imagePullSecrets,
    // Kubernetes ends the Job itself at our deadline, should this process die (ttl then removes it).
    activeDeadlineSeconds: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
  });
  // Recorded before the request: a create whose reply is lost may still have created the Job.
  jobs.add(jobName);
  try {
    await api.createJob(namespace, job);
  } catch (error) {
    const status = apiErrorStatus(error);
    // 409: a retry of our own create (the name carries this run's id) found the first attempt's Job.
    if (status !== 409) {
      if (status !== undefined && status < 500) jobs.delete(jobName);
      const hint = status === 404
        ? ` (does namespace ${namespace} exist? kubectl apply -f deploy/kubeharden.yaml)`
        : status === 403 ? ' (grant the kubeharden-fleet Role of deploy/kubeharden.yaml)' : '';
      return notAudited(`cannot create Job ${namespace}/${jobName}: ${describeApiError(error)}${hint}`, false);
    }
  }
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let pause = options.pollMs ?? 1000;
  let lastState: string | undefined;
  let lastError: string | undefined;
  const selector = `${FLEET_RUN_LABEL}=${runId},job-name=${jobName}`;
  for (;;) {
    throwIfAborted(signal);
    let pods: KubeObject[] | undefined;
    try {
      pods = await api.listPods(namespace, selector);
      lastError = undefined;
    } catch (error) {
      lastError = `cannot list its pods: ${describeApiError(error)}`;
      if (apiErrorStatus(error) === 403) return notAudited(lastError, false);
    }
    if (pods !== undefined) {
      const pod = chosenPod(pods);
      if (pod === undefined) {
        const jobState = await jobFailure(api, namespace, jobName);
        if (jobState !== undefined) return notAudited(jobState);
        lastState = undefined;
      } else {
        const podName = String(pod.metadata?.name ?? '?');
        const outcome = outcomeOf(pod);
        if (outcome.state === 'succeeded') return collect(api, node, podName, options, undefined, notAudited);
        if (outcome.state === 'failed') {
          // It ran and exited non-zero: exit 2 is a complete document with error results in it.
          if (ranToCompletion(pod)) return collect(api, node, podName, options, outcome.reason, notAudited);
          return notAudited(withHint(outcome.reason, node, options));
        }
        lastState = describeWaiting(podName, pod);
      }
    }
    const now = Date.now();
    if (now >= deadline) {
      const what = lastError ?? lastState ?? `the Job created no pod (kubectl -n ${namespace} describe job ${jobName})`;
      return notAudited(`timed out after ${formatDuration(options.timeoutMs)}: ${what}`);
    }
    await sleep(Math.min(pause, deadline - now), signal);
    pause = Math.min(options.maxPollMs ?? 10_000, pause * 1.5);
  }
}

/** Reads and parses the pod log; `failure` is set when the pod failed (its reason leads if the log is no document). */
async function collect(
  api: FleetApi,
  node: FleetNode,
  pod: string,
  options: FleetRunOptions,
  failure: string | undefined,
  notAudited: (reason: string, checkNode?: boolean) => Promise<NodeAudit>,
): Promise<NodeAudit> {
  const limit = options.logLimitBytes ?? DEFAULT_LOG_LIMIT_BYTES;
  let log: string;
  try {
    log = await api.podLog(options.namespace, pod, CONTAINER, limit);
  } catch (error) {
    return notAudited(`${failure ? `${failure}; ` : ''}cannot read the log of pod ${pod}: ${describeApiError(error)}`, false);
  }
  try {
    const { document, diagnostics } = nodeDocumentFromLog(node.name, log, { truncated: Buffer.byteLength(log) >= limit });
    const { summary } = document;
    (options.progress ?? (() => {}))(`${node.name}: audited (${summary.pass} pass, ${summary.fail} fail, ${summary.error} error${failure ? `; ${failure}` : ''})`);
    return { node: node.name, document, diagnostics, pod: `${options.namespace}/${pod}` };
  } catch (error) {
    if (!(error instanceof NodeLogError)) throw error;
    return notAudited(failure ? `${failure}, and ${error.message}` : `pod ${pod} succeeded but ${error.message}`, false);
  }
}

const outcomeOf = (pod: KubeObject) => podOutcome(pod as Parameters<typeof podOutcome>[0]);

/** The pod that speaks for the Job: a succeeded one, else one still running, else a failed one. */
function chosenPod(pods: KubeObject[]): KubeObject | undefined {
  const phase = (pod: KubeObject) => (isRecord(pod.status) ? pod.status.phase : undefined);
  return pods.find((p) => phase(p) === 'Succeeded') ?? pods.find((p) => outcomeOf(p).state === 'running') ?? pods[0];
}

/** Whether the audit container ran and exited (it may have printed its document). */
function ranToCompletion(pod: KubeObject): boolean {
  const status = isRecord(pod.status) ? pod.status : {};
  return asArray(status.containerStatuses).some((c) => isRecord(c) && isRecord(c.state) && isRecord(c.state.terminated) && typeof c.state.terminated.exitCode === 'number');
}

/** Why a Job with no pod will never have one: it failed (deadline, …) or was deleted by someone else. */
async function jobFailure(api: FleetApi, namespace: string, jobName: string): Promise<string | undefined> {
  let job: KubeObject | undefined;
  try {
    job = await api.getJob(namespace, jobName);
  } catch {
    return undefined;
  }
  if (job === undefined) return `Job ${namespace}/${jobName} was deleted before its pod finished`;
  const status = isRecord(job.status) ? job.status : {};
  const failed = asArray(status.conditions).filter(isRecord).find((c) => c.type === 'Failed' && c.status === 'True');
  if (!failed) return undefined;
  return `Job ${namespace}/${jobName} failed with no pod left: ${[failed.reason, failed.message].filter((s) => typeof s === 'string' && s !== '').join(': ')}`;
}

/** What a pod still waits for, for the timeout message: `pod X Pending (ContainerCreating)`. */
function describeWaiting(name: string, pod: KubeObject): string {
  const status = isRecord(pod.status) ? pod.status : {};
  const waiting = asArray(status.containerStatuses)
    .filter(isRecord)
    .map((c) => (isRecord(c.state) && isRecord(c.state.waiting) ? c.state.waiting : undefined))
    .find((w) => w !== undefined);
  const scheduled = asArray(status.conditions).filter(isRecord).find((c) => c.type === 'PodScheduled');
  const detail = waiting
    ? [waiting.reason, waiting.message]
    : scheduled?.status === 'False'
      ? [scheduled.reason, scheduled.message]
      : [];
  const text = detail.filter((s) => typeof s === 'string' && s !== '').join(': ');
  return `pod ${name} ${typeof status.phase === 'string' ? status.phase : 'Pending'}${text ? ` (${text})` : ''}`;
}

/** Why a pod did not schedule, with what would fix it: cordoned nodes and taints the Job does not tolerate. */
function withHint(reason: string, node: FleetNode, options: FleetRunOptions): string {
  if (options.tolerateAll || !/cannot be scheduled/.test(reason)) return reason;
  if (node.unschedulable) return `${reason} (the node is cordoned; --tolerate-all audits it anyway)`;
  const taints = node.taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (taints.length > 0) return `${reason} (node taints ${taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ')}; --tolerate-all tolerates them)`;
  return reason;
}

async function deleteJobs(api: FleetApi, namespace: string, names: string[], progress: (line: string) => void): Promise<string[]> {
  const failed: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        await api.deleteJob(namespace, name);
      } catch (error) {
        failed.push(`${namespace}/${name}: ${describeApiError(error)}`);
      }
    }),
  );
  if (names.length > 0) progress(`deleted ${names.length - failed.length} of ${names.length} Job${names.length === 1 ? '' : 's'} of this run`);
  for (const failure of failed.sort()) progress(`could not delete Job ${failure}; delete it with kubectl (it also expires by its ttlSecondsAfterFinished)`);
  return failed;
}

/** Runs `run` over `items` with at most `limit` in flight; stops starting new ones once aborted, and waits for those in flight. */
async function mapBounded<T, R>(items: readonly T[], limit: number, signal: AbortSignal | undefined, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined && !signal?.aborted) {
      const index = next++;
      try {
        results[index] = await run(items[index]!);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined && !(failure instanceof AbortedWait)) throw failure;
  return results;
}

class AbortedWait extends Error {}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedWait('aborted');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedWait('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedWait('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** 600000 → 10m, 90000 → 90s, 250 → 250ms. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
