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

/*
 * The manifest scan on several threads. The main thread lists the files and hands them out in
 * batches; each worker reads, parses and checks its batch and returns the results already encoded
 * as JSON, plus what the cross-object controls need (a compact inventory, control-plane Pods). The
 * main thread takes batches back in file order, so the output is the same, byte for byte, as the
 * scan on one thread, and runs the cross-object controls at the end.
 */

export interface ScanWorkerSetup {
  waivers: { rules: readonly ExceptionRule[]; options: WaiverOptions };
  podTemplatePaths?: Readonly<Record<string, string>>;
  source: ManifestSourceOptions;
  failOn: FailOn;
}

export interface ScanTask {
  id: number;
  files: ManifestFile[];
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
export const AUTO_MIN_BYTES = 2 * 1024 * 1024;
export const AUTO_MAX_JOBS = 8;

/** Files per batch stop growing at this many bytes: small enough to spread the work, large enough to pay for the message. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;
/** Batches handed out ahead of the one being written, per worker: bounds the results waiting in memory. */
const BATCHES_AHEAD_PER_WORKER = 3;

/** The size of each file (0 when it cannot be read: its worker reports why). */
export async function manifestBytes(files: readonly ManifestFile[]): Promise<number[]> {
  return Promise.all(files.map((file) => stat(file.absolute).then((info) => info.size, () => 0)));
}

function batches(files: readonly ManifestFile[], sizes: readonly number[]): ScanTask[] {
  const tasks: ScanTask[] = [];
  let current: ManifestFile[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    current.push(file);
    bytes += sizes[i] ?? 0;
    if (bytes >= BATCH_BYTES || current.length >= BATCH_FILES) {
      tasks.push({ id: tasks.length, files: current });
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) tasks.push({ id: tasks.length, files: current });
  return tasks;
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
  const setup: ScanWorkerSetup = {
    waivers: options.waivers?.portable() ?? { rules: [], options: { disabled: true } },
    podTemplatePaths: options.podTemplatePaths,
    source: { maxFileBytes: options.maxFileBytes, maxDocumentBytes: options.maxDocumentBytes, maxExpandedNodes: options.maxExpandedNodes },
    failOn: options.failOn,
  };
  const workerCount = Math.min(jobs, tasks.length);
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: setup }));
  try {
    await new Promise<void>((resolve, reject) => {
      const done = new Map<number, ScanTaskDone>();
      const idle: Worker[] = [...workers];
      let nextToSend = 0;
      let nextToWrite = 0;
      const window = workerCount * BATCHES_AHEAD_PER_WORKER;
      const dispatch = () => {
        while (idle.length > 0 && nextToSend < tasks.length && nextToSend < nextToWrite + window) {
          idle.pop()!.postMessage(tasks[nextToSend++]);
        }
        if (nextToWrite === tasks.length) resolve();
      };
      const take = (batch: ScanTaskDone) => {
        for (const problem of batch.problems) options.onProblem?.(problem);
        sink.encoded(batch);
        evaluator.absorb(batch.state);
        options.waivers?.absorbUsage(batch.waiverUsage);
      };
      for (const worker of workers) {
        worker.on('message', (batch: ScanTaskDone) => {
          done.set(batch.id, batch);
          idle.push(worker);
          try {
            for (let next = done.get(nextToWrite); next; next = done.get(nextToWrite)) {
              done.delete(nextToWrite);
              nextToWrite += 1;
              take(next);
            }
          } catch (error) {
            reject(error);
            return;
          }
          dispatch();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (nextToWrite < tasks.length) reject(new Error(`a scan worker stopped (exit code ${code}) before the scan was complete`));
        });
      }
      dispatch();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  evaluator.finish(sink.result);
}
