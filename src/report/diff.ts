import { SEVERITIES } from '../controls/control.js';
import type { ResultsDiff } from '../engine/diff.js';
import type { Result } from '../engine/result.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

export const DIFF_FORMATS = ['table', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const bySeverity = (a: Result, b: Result) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);

export function renderDiff(diff: ResultsDiff, format: DiffFormat, names: { old: string; new: string }): string {
  const fresh = [...diff.new].sort(bySeverity);
  const resolved = [...diff.resolved].sort((a, b) => bySeverity(a.result, b.result));
  if (format === 'json') {
    return JSON.stringify(
      {
        old: names.old,
        new: names.new,
        summary: { new: diff.new.length, resolved: diff.resolved.length, unchanged: diff.unchanged.length },
        incomplete: diff.incomplete,
        newFindings: fresh,
        resolvedFindings: resolved.map((r) => ({ ...r.result, now: r.now })),
        unchangedFindings: diff.unchanged,
      },
      null,
      2,
    ) + '\n';
  }
  const line = (r: Result) => {
    const where = subjectLocation(r.subject);
    return { sev: r.severity, control: r.control, subject: subjectLabel(r.subject), where, message: r.message };
  };
  if (format === 'markdown') {
    const cell = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    const table = (rows: Result[], extra?: (i: number) => string) =>
      rows.length === 0
        ? '_none_\n'
        : ['| severity | control | subject | location | finding |' + (extra ? ' now |' : ''), '| --- | --- | --- | --- | --- |' + (extra ? ' --- |' : ''),
            ...rows.map((r, i) => {
              const l = line(r);
              return `| ${l.sev} | \`${cell(l.control)}\` | ${cell(l.subject)} | ${cell(l.where)} | ${cell(l.message)} |${extra ? ` ${extra(i)} |` : ''}`;
            })].join('\n') + '\n';
    return [
      `## kubeharden: ${diff.new.length} new, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged`,
      '',
      diff.incomplete ? '> **Warning:** the new scan has `error` results; some "resolved" findings may only be unchecked.\n' : '',
      `### New (${diff.new.length})`, '', table(fresh),
      `### Resolved (${diff.resolved.length})`, '', table(resolved.map((r) => r.result), (i) => resolved[i]!.now),
      `<details><summary>Unchanged (${diff.unchanged.length})</summary>`, '', table(diff.unchanged), '</details>', '',
    ].join('\n');
  }
  const out: string[] = [];
  const section = (title: string, rows: Result[], now?: (i: number) => string) => {
    out.push(`${title} (${rows.length})`);
    rows.forEach((r, i) => {
      const l = line(r);
      out.push(`  ${l.sev.toUpperCase().padEnd(8)} ${l.control}  ${l.subject}${l.where ? `  ${l.where}` : ''}${now ? `  → ${now(i)}` : ''}`, `           ${l.message}`);
    });
    out.push('');
  };
  section('New findings', fresh);
  section('Resolved findings', resolved.map((r) => r.result), (i) => resolved[i]!.now);
  out.push(`Unchanged findings: ${diff.unchanged.length}`);
  if (diff.incomplete) out.push('Warning: the new scan has error results; some resolved findings may only be unchecked.');
  out.push(`Summary: ${diff.new.length} new, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged (${names.old} → ${names.new})`);
  return out.join('\n') + '\n';
}
