import type { Control } from '../controls/control.js';
import type { WorkloadOptions } from '../evidence/workload.js';
import { readManifests, type InputProblem, type ManifestItem, type ManifestSourceOptions } from '../sources/manifests/index.js';
import { inputErrorResult } from './input-errors.js';
import type { Result } from './result.js';
import { ObjectEvaluator } from './scan-objects.js';
import type { WaiverSet } from './waivers.js';

export interface ManifestScanOptions extends ManifestSourceOptions, WorkloadOptions {
  controls: readonly Control[];
  /** Told of every input problem as it happens (for stderr). */
  onProblem?: (problem: InputProblem) => void;
  /** Receives each result as soon as it exists; when given, results are not also kept in memory. */
  onResult?: (result: Result) => void;
  /** Exceptions, applied by the evaluator as results are emitted. */
  waivers?: WaiverSet;
}

/**
 * Scans manifests as a stream: each object is evaluated as soon as it is read, and its results go
 * to `onResult` (or into the returned array when there is none). The evaluator keeps the kinds the
 * inventory controls need and runs them in finish(); manifests are a partial view of a cluster, so
 * its inventory is not `complete`.
 */
export async function scanManifests(paths: string[], options: ManifestScanOptions): Promise<Result[]> {
  const evaluator = new ObjectEvaluator(options.controls, options);
  const results: Result[] = [];
  const emit = options.onResult ?? ((result: Result) => results.push(result));
  for await (const item of readManifests(paths, options)) evaluateManifestItem(item, evaluator, emit, options.onProblem);
  evaluator.finish(emit);
  return results;
}

/** One item of the manifest source: an object's results, or a problem (told, and an `error` result when it is an error). */
export function evaluateManifestItem(
  item: ManifestItem,
  evaluator: ObjectEvaluator,
  emit: (result: Result) => void,
  onProblem?: (problem: InputProblem) => void,
): void {
  if (item.type === 'object') {
    evaluator.evaluate(item.item, emit);
    return;
  }
  onProblem?.(item.problem);
  if (item.problem.level === 'error') emit(inputErrorResult(item.problem.file, item.problem.message, item.problem.line));
}
