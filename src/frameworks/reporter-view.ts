import type { Severity, Status } from '../controls/control.js';
import type { Subject } from '../engine/result.js';
import type { BenchmarkView } from './view.js';

/** One row per benchmark item and subject: the shape row-oriented reporters (JUnit, CSV, HTML) consume. */
export interface BenchmarkItemRow {
  framework: string;
  item: string;
  title: string;
  status: Status;
  severity: Severity;
  subject?: Subject;
  message: string;
  remediation?: string;
  controls: string[];
}

export interface BenchmarkRows {
  framework: string;
  title: string;
  items: BenchmarkItemRow[];
  /** Automated items passed / evaluated, 0–100; absent when nothing was evaluated. */
  score?: number;
}

/**
 * Flattens a view into rows: one per result of an item's controls, and one row for an item without
 * results (`manual` with its audit text; a `not-checked` item is reported as `manual` too, since
 * someone has to check it, with a message saying so).
 */
export function benchmarkRows(view: BenchmarkView): BenchmarkRows {
  const rows: BenchmarkItemRow[] = [];
  for (const item of view.items) {
    const severity: Severity = item.severity ?? item.results[0]?.severity ?? 'info';
    const base = { framework: view.framework.id, item: item.id, title: item.title, controls: item.controls };
    for (const result of item.results) {
      const row: BenchmarkItemRow = { ...base, status: result.status, severity: item.severity ?? result.severity, subject: result.subject, message: result.message };
      if (result.remediation) row.remediation = result.remediation;
      rows.push(row);
    }
    if (item.results.length === 0 || item.status === 'not-checked') {
      const message =
        item.controls.length === 0
          ? item.auditText
          : `not checked by this scan (${(item.unchecked.length ? item.unchecked : item.controls).join(', ')} saw nothing to check): ${item.auditText}`;
      rows.push({ ...base, status: 'manual', severity, message });
    }
  }
  const rowsView: BenchmarkRows = { framework: view.framework.id, title: view.framework.title, items: rows };
  if (view.score.percent !== null) rowsView.score = view.score.percent;
  return rowsView;
}
