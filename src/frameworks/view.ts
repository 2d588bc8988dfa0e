import { CATALOG } from '../controls/catalog.js';
import { STATUSES, type ControlMeta, type Severity, type Status } from '../controls/control.js';
import type { Result, ResultsDocument } from '../engine/result.js';
import type { Framework, FrameworkItem } from './framework.js';
import { findFramework, FRAMEWORK_IDS } from './registry.js';

/**
 * The verdict on one benchmark item. Beyond the result statuses of DESIGN.md, a view has
 * `not-checked`: the item has controls, but this scan gave them nothing to look at (node items in a
 * manifest scan) or ran only some of them. It is neither a pass nor "does not exist here".
 */
export type ItemStatus = Status | 'not-checked';
export const ITEM_STATUSES: readonly ItemStatus[] = [...STATUSES, 'not-checked'];

export interface ItemView {
  id: string;
  title: string;
  section: string;
  level: number | null;
  /** The benchmark's own Automated/Manual assessment (null when it does not say). */
  assessment: FrameworkItem['assessment'];
  /** kubeharden has at least one control for the item. */
  automated: boolean;
  status: ItemStatus;
  /** Every control behind the item: from the catalog and from the results' refs. */
  controls: string[];
  /** Controls behind the item that produced no result in this document. */
  unchecked: string[];
  /** The results of those controls in this document, in document order. */
  results: Result[];
  counts: Record<Status, number>;
  /** What to check by hand (the audit summary, or the STIG check text). */
  auditText: string;
  severity?: Severity;
  item: FrameworkItem;
}

export interface Score {
  /** Automated items with status pass. */
  passed: number;
  /** Automated items with a verdict: pass, fail or error. Waived, not-applicable, manual and not-checked items are left out. */
  evaluated: number;
  /** Items kubeharden has a control for. */
  automated: number;
  /** 100 × passed / evaluated, one decimal; null when nothing was evaluated. */
  percent: number | null;
}

export interface BenchmarkView {
  framework: Framework;
  items: ItemView[];
  counts: Record<ItemStatus, number>;
  score: Score;
  /** Why this benchmark was chosen, for `--benchmark auto`. */
  note?: string;
}

export interface ViewOptions {
  /** The controls that exist (default: the catalog); their refs say which items they implement. */
  controls?: readonly Pick<ControlMeta, 'id' | 'refs'>[];
  note?: string;
}

/** Raised for an unknown benchmark id. */
export class UnknownBenchmarkError extends Error {
  constructor(id: string) {
    super(`unknown benchmark "${id}"; choose one of: auto, ${FRAMEWORK_IDS.join(', ')}`);
  }
}

const refKey = (framework: string, id: string) => `${framework}\u0000${id}`;

/**
 * The results of a document seen through one benchmark: every item in benchmark order, each with its
 * controls, results, status and audit text, and the benchmark's score. Item status, in this order:
 * 1. no control behind the item → `manual` (audit text tells what to check);
 * 2. no result from any of its controls → `not-checked`;
 * 3. any `fail` → `fail` (a confirmed violation wins over an error; the error stays in `counts`);
 * 4. any `error` → `error`;
 * 5. any `manual` result → `manual`;
 * 6. some of its controls produced no result → `not-checked` (an item half seen is never `pass`);
 * 7. any `waived` (every failure waived) → `waived`;
 * 8. any `pass` → `pass`; otherwise (all `not-applicable`) → `not-applicable`.
 */
export function benchmarkView(document: Pick<ResultsDocument, 'results'>, frameworkId: string, options: ViewOptions = {}): BenchmarkView {
  const framework = findFramework(frameworkId);
  if (!framework) throw new UnknownBenchmarkError(frameworkId);
  const controlsByRef = new Map<string, Set<string>>();
  const addControl = (id: string, refs: readonly { framework: string; id: string }[]) => {
    for (const ref of refs) {
      const key = refKey(ref.framework, ref.id);
      const set = controlsByRef.get(key) ?? new Set<string>();
      set.add(id);
      controlsByRef.set(key, set);
    }
  };
  for (const control of options.controls ?? CATALOG) addControl(control.id, control.refs);
  const resultsByRef = new Map<string, Result[]>();
  for (const result of document.results) {
    addControl(result.control, result.refs);
    for (const ref of result.refs) {
      const key = refKey(ref.framework, ref.id);
      const list = resultsByRef.get(key) ?? [];
      list.push(result);
      resultsByRef.set(key, list);
    }
  }

  const items = framework.items.map((item): ItemView => {
    const controls = new Set<string>();
    const results = new Set<Result>();
    for (const ref of item.refs) {
      for (const id of controlsByRef.get(refKey(ref.framework, ref.id)) ?? []) controls.add(id);
      for (const result of resultsByRef.get(refKey(ref.framework, ref.id)) ?? []) results.add(result);
    }
    const ordered = document.results.filter((r) => results.has(r));
    const seen = new Set(ordered.map((r) => r.control));
    const controlList = [...controls].sort();
    const unchecked = controlList.filter((id) => !seen.has(id));
    const counts = countResults(ordered);
    const view: ItemView = {
      id: item.id,
      title: item.title,
      section: item.section,
      level: item.level,
      assessment: item.assessment,
      automated: controlList.length > 0,
      status: itemStatus(controlList.length, unchecked.length, counts),
      controls: controlList,
      unchecked,
      results: ordered,
      counts,
      auditText: item.audit,
      item,
    };
    if (item.severity) view.severity = item.severity;
    return view;
  });

  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const item of items) counts[item.status] += 1;
  const view: BenchmarkView = { framework, items, counts, score: scoreOf(items) };
  if (options.note) view.note = options.note;
  return view;
}

function countResults(results: readonly Result[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/** The item status rules documented on `benchmarkView`. */
export function itemStatus(controls: number, unchecked: number, counts: Record<Status, number>): ItemStatus {
  if (controls === 0) return 'manual';
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return 'not-checked';
  if (counts.fail > 0) return 'fail';
  if (counts.error > 0) return 'error';
  if (counts.manual > 0) return 'manual';
  if (unchecked > 0) return 'not-checked';
  if (counts.waived > 0) return 'waived';
  if (counts.pass > 0) return 'pass';
  return 'not-applicable';
}

export function scoreOf(items: readonly Pick<ItemView, 'automated' | 'status'>[]): Score {
  const automated = items.filter((i) => i.automated);
  const passed = automated.filter((i) => i.status === 'pass').length;
  const evaluated = automated.filter((i) => i.status === 'pass' || i.status === 'fail' || i.status === 'error').length;
  return { passed, evaluated, automated: automated.length, percent: evaluated === 0 ? null : Math.round((1000 * passed) / evaluated) / 10 };
}
