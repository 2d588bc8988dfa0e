import { STATUSES, type Status } from '../controls/control.js';
import { findingIdentity, withoutLine } from './identity.js';
import { summarize, type Result, type ResultsDocument, type ScanTarget } from './result.js';
import { VERSION } from '../version.js';

/** Which verdict wins when two scans disagree about the same finding: the one that needs attention (fail closed). */
const CONFLICT_RANK: Record<Status, number> = { error: 0, fail: 1, waived: 2, manual: 3, pass: 4, 'not-applicable': 5 };

export interface MergeInput {
  /** The file it came from, for warnings. */
  name: string;
  document: ResultsDocument;
}

/**
 * One document from many scans (node, cluster, manifests): the results of all, deduplicated by
 * stable identity (control + subject without line), sorted by identity so the output does not depend
 * on the order of inputs; the targets of all; the earliest start and latest finish. When scans
 * disagree about the same finding the most severe verdict wins (error > fail > waived > manual >
 * pass > not-applicable) and the conflict is listed in scan.warnings.
 */
export function mergeDocuments(inputs: MergeInput[]): ResultsDocument {
  const byIdentity = new Map<string, { from: string; results: Result[] }[]>();
  for (const { name, document } of inputs) {
    const own = new Map<string, Result[]>();
    for (const result of document.results) {
      const key = findingIdentity(result);
      const list = own.get(key);
      if (list) list.push(result);
      else own.set(key, [result]);
    }
    for (const [key, results] of own) {
      const candidates = byIdentity.get(key);
      if (candidates) candidates.push({ from: name, results });
      else byIdentity.set(key, [{ from: name, results }]);
    }
  }
  const warnings = new Set<string>();
  for (const { document } of inputs) for (const w of document.scan.warnings ?? []) warnings.add(w);
  const merged: Result[] = [];
  for (const key of [...byIdentity.keys()].sort()) {
    const candidates = byIdentity.get(key)!;
    const distinct = new Map<string, { from: string[]; results: Result[] }>();
    for (const c of candidates) {
      const canonical = JSON.stringify(sortedForComparison(c.results).map(({ index: _index, ...rest }) => rest));
      const entry = distinct.get(canonical);
      if (entry) entry.from.push(c.from);
      else distinct.set(canonical, { from: [c.from], results: c.results });
    }
    const options = [...distinct.values()];
    let chosen = options[0]!;
    if (options.length > 1) {
      chosen = options.reduce((best, o) => (worstRank(o.results) < worstRank(best.results) ? o : best));
      const first = chosen.results[0]!;
      warnings.add(
        `merge: ${first.control} on ${key.split('|').slice(1).filter(Boolean).join(' ')} differs between ` +
          `${options.map((o) => `${o.from.join(', ')} (${[...new Set(o.results.map((r) => r.status))].join('/')})`).join(' and ')}; kept ${[...new Set(chosen.results.map((r) => r.status))].join('/')}`,
      );
    }
    merged.push(...sortedForComparison(chosen.results).map((i) => chosen.results[i.index]!));
  }
  const targets: ScanTarget[] = [];
  const seenTargets = new Set<string>();
  for (const { document } of inputs) {
    for (const target of document.scan.targets) {
      const key = JSON.stringify(target);
      if (!seenTargets.has(key)) {
        seenTargets.add(key);
        targets.push(target);
      }
    }
  }
  const starts = inputs.map((i) => i.document.scan.startedAt).sort();
  const ends = inputs.map((i) => i.document.scan.finishedAt).sort();
  const document: ResultsDocument = {
    schemaVersion: 1,
    tool: { name: 'kubeharden', version: VERSION },
    scan: { startedAt: starts[0] ?? '', finishedAt: ends.at(-1) ?? '', targets },
    results: merged,
    summary: summarize(merged),
  };
  if (warnings.size > 0) document.scan.warnings = [...warnings].sort();
  return document;
}

function worstRank(results: Result[]): number {
  return Math.min(...results.map((r) => CONFLICT_RANK[r.status]));
}

/** The results of one identity in a canonical order, compared without their lines. */
function sortedForComparison(results: Result[]): { index: number; status: Status; message: string; subject: unknown; waiver: unknown }[] {
  return results
    .map((r, index) => ({ index, status: r.status, message: r.message, subject: withoutLine(r.subject), waiver: r.waiver ?? null }))
    .sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || a.message.localeCompare(b.message));
}
