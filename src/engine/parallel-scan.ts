import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { discoverManifests, readManifestFile, type InputProblem, type ManifestFile, type ManifestSourceOptions } from '../sources/manifests/index.js';
import type { FailOn } from './exit-code.js';
import { inputErrorResult } from './input-errors.js';
import type { Result, Summary } from './result.js';
import { ObjectEvaluator, type EvaluatorState } from './scan-objects.js';
import { evaluateManifestItem, type ManifestScanOptions } from './scan-manifests.js';
import type { ExceptionRule, WaiverOptions, WaiverUsage } from './waivers.js';
import type { PortableSourced } from '../evidence/retained.js';

/*
 * The manifest scan on several threads. The main thread lists the files and hands them out in
 * batches; each worker reads, parses and checks its batch and returns the results already encoded
 * as JSON, plus what the cross-object controls need (a compact inventory, control-plane Pods). The
 * main thread takes batches back in file order, so the output is the same, byte for byte, as the
 * scan on one thread, and runs the cross-object controls at the end.
 */

export interface ScanWorkerSetup {
  /** The ids of the controls to run (a worker takes them from the catalog). */
  controls: string[];
  waivers: { rules: readonly ExceptionRule[]; options: WaiverOptions };
  podTemplatePaths?: Readonly<Record<string, string>>;
  source: ManifestSourceOptions;
  failOn: FailOn;
}

/** A batch for a worker: files to read, or objects already read (a live cluster's, without origin). */
export interface ScanTask {
  id: number;
  files?: ManifestFile[];
  objects?: PortableSourced[];
}

export interface ScanTaskDone {
  id: number;
  /** The batch's results as JSON array items: the first starts with a newline, the others with a comma. */
  chunks: Uint8Array[];
  count: number;
  summary: Summary;
  /** The exit code the batch's results alone give. */
  exitCode: number;
  problems: InputProblem[];
  state: EvaluatorState;
  waiverUsage: WaiverUsage;
}

/** Where a parallel scan's results go: as objects (from the main thread) or as encoded batches (from workers). */
export interface ParallelResultSink {
  result(result: Result): void;
  encoded(batch: Pick<ScanTaskDone, 'chunks' | 'count' | 'summary' | 'exitCode'>): void;
}

export interface ParallelScanOptions extends ManifestScanOptions {
  /** Worker threads; `auto`: one per CPU (at most 8) when the input is large enough to pay for them. */
  jobs: number | 'auto';
  failOn: FailOn;
}

/** Below this much input, starting threads (each loads the catalog) costs more than it saves. */
export const AUTO_MIN_BYTES = 16 * 1024 * 1024;
export const AUTO_MAX_JOBS = 8;

/** Files per batch stop growing at this many bytes: small enough to spread the work, large enough to pay for the message. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;
/** Batches handed out ahead of the one being written, per worker: bounds the results waiting in memory. */
const BATCHES_AHEAD_PER_WORKER = 3;

/** The size of each file (0 when it cannot be read: its worker reports why). */
async function manifestBytes(files: readonly ManifestFile[]): Promise<number[]> {
  return Promise.all(files.map((file) => stat(file.absolute).then((info) => info.size, () => 0)));
}

function batches(files: readonly ManifestFile[], sizes: readonly number[]): ManifestFile[][] {
  const groups: ManifestFile[][] = [];
  let current: ManifestFile[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    current.push(file);
    bytes += sizes[i] ?? 0;
    if (bytes >= BATCH_BYTES || current.length >= BATCH_FILES) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Scans the files under `paths` (no stdin) on `options.jobs` worker threads (see the comment above),
 * or on this thread when there is one job or too little input.
 */
export async function scanManifestsInParallel(paths: string[], options: ParallelScanOptions, sink: ParallelResultSink): Promise<void> {
  const { files, problems } = await discoverManifests(paths);
  for (const problem of problems) {
    options.onProblem?.(problem);
    if (problem.level === 'error') sink.result(inputErrorResult(problem.file, problem.message));
  }
  const sizes = await manifestBytes(files);
  const tasks = batches(files, sizes);
  const evaluator = new ObjectEvaluator(options.controls, options);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const jobs = options.jobs !== 'auto' ? options.jobs : totalBytes >= AUTO_MIN_BYTES ? Math.min(availableParallelism(), AUTO_MAX_JOBS) : 1;
  if (jobs <= 1 || tasks.length < 2) {
    for (const file of files) {
      for await (const item of readManifestFile(file, options)) evaluateManifestItem(item, evaluator, sink.result, options.onProblem);
    }
    evaluator.finish(sink.result);
    return;
  }
  const pool = new ScanWorkerPool(Math.min(jobs, tasks.length), workerSetup(options), evaluator, sink, options);
  try {
    for (const group of tasks) await pool.submit({ files: group });
    await pool.drain();
  } finally {
    await pool.close();
  }
  evaluator.finish(sink.result);
}

/** What every worker of a scan is built with. */
export function workerSetup(
  options: Partial<Pick<ParallelScanOptions, 'waivers' | 'podTemplatePaths' | 'maxFileBytes' | 'maxDocumentBytes' | 'maxExpandedNodes'>> &
    Pick<ParallelScanOptions, 'controls' | 'failOn'>,
): ScanWorkerSetup {
  return {
    controls: options.controls.map((control) => control.id),
    waivers: options.waivers?.portable() ?? { rules: [], options: { disabled: true } },
    podTemplatePaths: options.podTemplatePaths,
    source: { maxFileBytes: options.maxFileBytes, maxDocumentBytes: options.maxDocumentBytes, maxExpandedNodes: options.maxExpandedNodes },
    failOn: options.failOn,
  };
}

/**
 * Worker threads that check batches (files, or objects already read) and hand the results back in
 * submission order: to the sink, and what finish() needs to the main thread's evaluator.
 */
export class ScanWorkerPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly done = new Map<number, ScanTaskDone>();
  private readonly queued: ScanTask[] = [];
  private submitted = 0;
  private written = 0;
  private failure: unknown;
  /** Wakes a submit() waiting for room, or drain() waiting for the end. */
  private wake: (() => void) | undefined;
  private readonly window: number;

  constructor(
    jobs: number,
    setup: ScanWorkerSetup,
    private readonly evaluator: ObjectEvaluator,
    private readonly sink: ParallelResultSink,
    private readonly options: Pick<ParallelScanOptions, 'onProblem' | 'waivers'>,
  ) {
    this.window = jobs * BATCHES_AHEAD_PER_WORKER;
    this.workers = Array.from({ length: jobs }, () => new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: setup }));
    this.idle = [...this.workers];
    for (const worker of this.workers) {
      worker.on('message', (batch: ScanTaskDone) => {
        this.done.set(batch.id, batch);
        this.idle.push(worker);
        try {
          this.writeReady();
        } catch (error) {
          this.fail(error);
        }
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.written < this.submitted) this.fail(new Error(`a scan worker stopped (exit code ${code}) before the scan was complete`));
      });
    }
  }

  /** Queues a batch; waits while too many batches are ahead of the one being written (bounded memory). */
  async submit(task: Omit<ScanTask, 'id'>): Promise<void> {
    while (this.failure === undefined && this.submitted - this.written >= this.window) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
    this.queued.push({ ...task, id: this.submitted++ });
    this.dispatch();
  }

  /** Waits until every submitted batch has been written. */
  async drain(): Promise<void> {
    while (this.failure === undefined && this.written < this.submitted) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queued.length > 0) this.idle.pop()!.postMessage(this.queued.shift());
  }

  private writeReady(): void {
    for (let batch = this.done.get(this.written); batch; batch = this.done.get(this.written)) {
      this.done.delete(this.written);
      this.written += 1;
      for (const problem of batch.problems) this.options.onProblem?.(problem);
      this.sink.encoded(batch);
      this.evaluator.absorb(batch.state);
      this.options.waivers?.absorbUsage(batch.waiverUsage);
    }
    this.wakeUp();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
