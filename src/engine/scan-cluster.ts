import { availableParallelism } from 'node:os';
import type { Control, ControlMeta } from '../controls/control.js';
import { WORKLOAD_KIND } from '../evidence/inventory.js';
import { OwnerIndex } from '../evidence/owners.js';
import { BUILT_IN_POD_TEMPLATE_PATHS, type WorkloadOptions } from '../evidence/workload.js';
import type { ClusterItem, CollectionError, ServerVersion } from '../sources/cluster/collect.js';
import type { Result, Subject } from './result.js';
import { ObjectEvaluator, toResult } from './scan-objects.js';
import type { WaiverSet } from './waivers.js';
import type { SourcedObject } from '../evidence/kube-object.js';
import { portableSourced, type PortableSourced } from '../evidence/retained.js';
import type { FailOn } from './exit-code.js';
import { AUTO_MAX_JOBS, ScanWorkerPool, workerSetup, type ParallelResultSink } from './parallel-scan.js';

/** Evidence the cluster source could not read is reported as a result, so no report can hide it. */
export const CLUSTER_READABLE: ControlMeta = {
  id: 'cluster-readable',
  title: 'Every resource the scan needs must be readable',
  severity: 'high',
  family: 'input',
  rationale:
    'A resource the credentials may not read, or that did not answer in time, was not checked; reporting it keeps the scan from passing on evidence it never saw.',
  remediation:
    'Grant the scanning identity the read-only ClusterRole in deploy/rbac.yaml (or the missing verb on the resource named), or raise --request-timeout, and scan again.',
  refs: [],
};

export interface ClusterScanOptions extends WorkloadOptions {
  controls: readonly Control[];
  /** Names the cluster in `cluster` subjects: the kubeconfig context. */
  clusterName?: string;
  /**
   * Workload owners arrive before what they own (the live collector and its snapshots guarantee
   * it), so nothing has to be held back; a kubectl dump in any order leaves this false.
   */
  ownersFirst?: boolean;
  /**
   * The objects are a whole cluster (a live scan or a kubeharden snapshot of one), so what was not
   * seen does not exist; a kubectl dump may hold only some kinds. See Inventory.complete.
   */
  complete?: boolean;
  /** Receives each result as soon as it exists; when given, results are not also kept in memory. */
  onResult?: (result: Result) => void;
  /** Exceptions, applied as results are emitted. */
  waivers?: WaiverSet;
  /**
   * Check objects on worker threads too (`auto`: one per CPU once the cluster proves large), with
   * their results handed to `onEncoded` already encoded, in collection order. Without `onEncoded`,
   * everything is checked on this thread.
   */
  jobs?: number | 'auto';
  onEncoded?: ParallelResultSink['encoded'];
  /** The exit threshold, for the workers' own tally. */
  failOn?: FailOn;
}

/** A live cluster is checked on this thread until it proves this large; then worker threads join. */
const AUTO_THREADS_AFTER_OBJECTS = 2000;
/** Objects per worker batch: about a page of the collector. */
const OBJECTS_PER_BATCH = 250;

export interface ClusterScan {
  /**
   * Results of the objects in collection order, then those of the collection errors (known only
   * once collection ends). Empty when `onResult` took them.
   */
  results: Result[];
  serverVersion?: ServerVersion;
  errors: CollectionError[];
  /** Objects evaluated (owned pods reported through their owner are not counted). */
  evaluated: number;
}

/**
 * Evaluates collected cluster objects as they stream in. Each object is checked once, through its
 * owner when the owner was collected, and kept for the inventory controls, which run at the end.
 * Each collection error yields a `cluster-readable` error and an `error` result for every control
 * that needed the missing kind; inventory controls that needed it do not run, since the absence of
 * objects they could not see would decide their verdicts.
 */
export async function scanCluster(items: AsyncIterable<ClusterItem> | Iterable<ClusterItem>, options: ClusterScanOptions): Promise<ClusterScan> {
  const evaluator = new ObjectEvaluator(options.controls, { ...options, complete: options.complete ?? false });
  const owners = new OwnerIndex(workloadKinds(options));
  const results: Result[] = [];
  const emit = options.onResult ?? ((result: Result) => results.push(result));
  const errors: CollectionError[] = [];
  let serverVersion: ServerVersion | undefined;
  let evaluated = 0;
  const threads = threadedEvaluation(evaluator, emit, options);
  try {
    for await (const item of items) {
      if (item.type === 'version') serverVersion = item.version;
      else if (item.type === 'error') errors.push(item.error);
      else {
        const { object } = item.item;
        owners.add(object);
        if (owners.coveredByOwner(object)) continue;
        if (!options.ownersFirst && owners.mayBeCovered(object)) {
          owners.defer(item.item);
          continue;
        }
        await threads.evaluate(item.item);
        evaluated++;
      }
    }
    for (const sourced of owners.uncovered()) {
      await threads.evaluate(sourced);
      evaluated++;
    }
    await threads.finish();
  } finally {
    await threads.close();
  }
  // Inventory controls that needed what could not be read report `error` themselves, in finish().
  for (const error of errors) evaluator.unreadable(error.kind, error.message);
  evaluator.finish(emit);
  for (const result of collectionErrorResults(errors, options)) emit(result);
  return { results, serverVersion, errors, evaluated };
}

/**
 * Evaluates objects on this thread, or, once the cluster proves large, in batches on worker
 * threads (see ScanWorkerPool): results keep collection order either way.
 */
function threadedEvaluation(evaluator: ObjectEvaluator, emit: (result: Result) => void, options: ClusterScanOptions) {
  const jobs = options.jobs === 'auto' ? Math.min(availableParallelism(), AUTO_MAX_JOBS) : (options.jobs ?? 1);
  const onEncoded = options.onEncoded;
  const threshold = options.jobs === 'auto' ? AUTO_THREADS_AFTER_OBJECTS : 0;
  let pool: ScanWorkerPool | undefined;
  let batch: PortableSourced[] = [];
  let inline = 0;
  const submit = async () => {
    if (pool && batch.length > 0) await pool.submit({ objects: batch });
    batch = [];
  };
  return {
    async evaluate(sourced: SourcedObject): Promise<void> {
      if (!pool && onEncoded && jobs > 1 && inline >= threshold) {
        pool = new ScanWorkerPool(jobs, workerSetup({ ...options, failOn: options.failOn ?? 'low' }), evaluator, { result: emit, encoded: onEncoded }, options);
      }
      if (!pool) {
        evaluator.evaluate(sourced, emit);
        inline++;
        return;
      }
      batch.push(sourced.origin ? portableSourced(sourced) : { object: sourced.object });
      if (batch.length >= OBJECTS_PER_BATCH) await submit();
    },
    async finish(): Promise<void> {
      await submit();
      await pool?.drain();
    },
    async close(): Promise<void> {
      await pool?.close();
    },
  };
}

/** One `cluster-readable` error per collection error, and one per control that needed what is missing. */
export function collectionErrorResults(errors: readonly CollectionError[], options: ClusterScanOptions): Result[] {
  const subject: Subject = options.clusterName ? { type: 'cluster', name: options.clusterName } : { type: 'cluster' };
  const kinds = workloadKinds(options);
  const results: Result[] = [];
  for (const error of errors) {
    results.push(toResult(CLUSTER_READABLE, { status: 'error', message: error.message }, subject));
    for (const control of options.controls) {
      if (control.scope === 'inventory' || !dependsOn(control, error.kind, kinds)) continue;
      results.push(toResult(control, { status: 'error', message: `not evaluated on every ${error.kind}: ${error.message}` }, subject));
    }
  }
  return results;
}

/** Whether a control reads objects of `kind`: workload controls (and the `Workload` pseudo-kind) read every kind with a pod template. */
function dependsOn(control: Control, kind: string, workloadKinds: ReadonlySet<string>): boolean {
  if (control.scope === 'workload') return workloadKinds.has(kind);
  // Component controls read the control-plane Pods (static pods' mirrors in kube-system).
  if (control.scope === 'component') return kind === 'Pod';
  if (control.scope === 'eks' || control.scope === 'node') return false;
  return control.kinds.includes(kind) || (control.kinds.includes(WORKLOAD_KIND) && workloadKinds.has(kind));
}

function workloadKinds(options: WorkloadOptions): Set<string> {
  return new Set([...Object.keys(BUILT_IN_POD_TEMPLATE_PATHS), ...Object.keys(options.podTemplatePaths ?? {})]);
}
