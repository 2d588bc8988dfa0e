import { SEVERITIES, type Status } from '../controls/control.js';
import type { FailOn } from './exit-code.js';
import { findingIdentity } from './identity.js';
import type { Result, ResultsDocument } from './result.js';

export interface ResolvedFinding {
  result: Result;
  /** What the new scan says about the same control and subject: `pass`, `waived`, … or `absent`. */
  now: Status | 'absent';
}

export interface ResultsDiff {
  /** Failing in the new scan, not in the old. */
  new: Result[];
  /** Failing in the old scan, not in the new. */
  resolved: ResolvedFinding[];
  /** Failing in both (the new scan's result). */
  unchanged: Result[];
  /** The new scan could not check something (`error` results): its resolved findings may only be unseen. */
  incomplete: boolean;
}

/**
 * Compares the failing findings of two scans by stable identity (control + subject without line),
 * so a finding that only moved in its file is unchanged. When a control reports several findings on
 * one subject, they are paired by identical message first, then in order.
 */
export function diffDocuments(older: ResultsDocument, newer: ResultsDocument): ResultsDiff {
  const oldFails = groupByIdentity(older.results.filter((r) => r.status === 'fail'));
  const newFails = groupByIdentity(newer.results.filter((r) => r.status === 'fail'));
  const newStatus = new Map<string, Status>();
  for (const r of newer.results) {
    const key = findingIdentity(r);
    if (!newStatus.has(key) || r.status === 'waived') newStatus.set(key, r.status);
  }
  const diff: ResultsDiff = { new: [], resolved: [], unchanged: [], incomplete: newer.results.some((r) => r.status === 'error') };
  for (const key of [...new Set([...oldFails.keys(), ...newFails.keys()])].sort()) {
    const before = [...(oldFails.get(key) ?? [])];
    const after = [...(newFails.get(key) ?? [])];
    const unmatchedAfter: Result[] = [];
    for (const result of after) {
      const same = before.findIndex((b) => b.message === result.message);
      if (same >= 0) {
        before.splice(same, 1);
        diff.unchanged.push(result);
      } else unmatchedAfter.push(result);
    }
    for (const result of unmatchedAfter) {
      if (before.length > 0) {
        before.shift();
        diff.unchanged.push(result);
      } else diff.new.push(result);
    }
    for (const result of before) diff.resolved.push({ result, now: newStatus.get(key) === 'fail' ? 'fail' : (newStatus.get(key) ?? 'absent') });
  }
  return diff;
}

function groupByIdentity(results: Result[]): Map<string, Result[]> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = findingIdentity(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** 2 when the new scan is incomplete, 1 when a new finding is at or above `failOn`, else 0. */
export function diffExitCode(diff: ResultsDiff, failOn: FailOn): number {
  if (diff.incomplete) return 2;
  const threshold = failOn === 'none' ? -1 : SEVERITIES.indexOf(failOn);
  return diff.new.some((r) => SEVERITIES.indexOf(r.severity) <= threshold) ? 1 : 0;
}
