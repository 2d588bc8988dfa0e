import { SEVERITIES, type Severity, type Status } from '../controls/control.js';
import type { Result, ResultsDocument } from '../engine/result.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

export interface TableOptions {
  color: boolean;
  /** List passing subjects too, not only their count. */
  showPassed?: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '\x1b[1;35m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[37m',
};
const STATUS_COLOR: Partial<Record<Status, string>> = {
  fail: '\x1b[31m',
  error: '\x1b[1;31m',
  pass: '\x1b[32m',
  waived: '\x1b[34m',
  manual: '\x1b[33m',
};
const RESET = '\x1b[0m';
const ATTENTION: readonly Status[] = ['error', 'fail', 'waived', 'manual'];

/** The terminal report: findings grouped by control, most severe first, then a one-screen summary. */
export function renderTable(document: ResultsDocument, options: TableOptions): string {
  const paint = (code: string | undefined, text: string) => (options.color && code ? `${code}${text}${RESET}` : text);
  const byControl = new Map<string, Result[]>();
  for (const result of document.results) {
    const list = byControl.get(result.control) ?? [];
    list.push(result);
    byControl.set(result.control, list);
  }
  const groups = [...byControl.values()].sort(
    (a, b) => SEVERITIES.indexOf(a[0]!.severity) - SEVERITIES.indexOf(b[0]!.severity) || a[0]!.control.localeCompare(b[0]!.control),
  );
  const lines: string[] = [];
  let cleanControls = 0;
  for (const group of groups) {
    const first = group[0]!;
    const shown = group.filter((r) => options.showPassed || ATTENTION.includes(r.status));
    if (shown.length === 0) {
      cleanControls += 1;
      continue;
    }
    const counts = countStatuses(group);
    const refs = first.refs.filter((r) => r.framework === 'cis-1.10' || r.framework === 'stig-v2r2').map((r) => `${r.framework} ${r.id}`);
    lines.push(
      `${paint(SEVERITY_COLOR[first.severity], first.severity.toUpperCase().padEnd(8))} ${first.control}  ${first.title}` +
        `  (${counts})${refs.length ? `  [${refs.join(', ')}]` : ''}`,
    );
    for (const result of shown) {
      const where = subjectLocation(result.subject);
      lines.push(
        `  ${paint(STATUS_COLOR[result.status], result.status.padEnd(6))} ${subjectLabel(result.subject)}${where ? `  ${where}` : ''}`,
      );
      lines.push(`         ${result.message}`);
      if (result.waiver) {
        const until = result.waiver.expires ? ` (until ${result.waiver.expires})` : '';
        lines.push(`         ${paint(STATUS_COLOR.waived, 'waived')}: ${result.waiver.justification}${until} [${result.waiver.source}]`);
      }
    }
    const remediation = first.remediation ?? group.find((r) => r.remediation)?.remediation;
    if (remediation && group.some((r) => r.status === 'fail')) lines.push(`  fix: ${remediation}`);
    lines.push('');
  }
  if (cleanControls > 0) lines.push(`${cleanControls} control(s) passed on every subject.`, '');
  for (const warning of document.scan.warnings ?? []) lines.push(`${paint(STATUS_COLOR.manual, 'warning')}: ${warning}`);
  if (document.scan.warnings?.length) lines.push('');
  lines.push(summaryLine(document, paint));
  return lines.join('\n') + '\n';
}

function countStatuses(results: Result[]): string {
  const counts = new Map<Status, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()].map(([status, n]) => `${n} ${status}`).join(', ');
}

function summaryLine(document: ResultsDocument, paint: (code: string | undefined, text: string) => string): string {
  const s = document.summary;
  const failedBySeverity = new Map<Severity, number>();
  for (const r of document.results) {
    if (r.status === 'fail') failedBySeverity.set(r.severity, (failedBySeverity.get(r.severity) ?? 0) + 1);
  }
  const severityPart = SEVERITIES.filter((sev) => failedBySeverity.has(sev))
    .map((sev) => paint(SEVERITY_COLOR[sev], `${failedBySeverity.get(sev)} ${sev}`))
    .join(', ');
  return [
    `Summary: ${paint(STATUS_COLOR.pass, `${s.pass} pass`)}, ${paint(STATUS_COLOR.fail, `${s.fail} fail`)}` +
      `${severityPart ? ` (${severityPart})` : ''}, ${s.waived} waived, ${s.manual} manual, ` +
      `${s['not-applicable']} not-applicable, ${paint(s.error > 0 ? STATUS_COLOR.error : undefined, `${s.error} error`)}`,
  ].join('\n');
}
