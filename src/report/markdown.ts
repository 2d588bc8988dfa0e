import { SEVERITIES, type Severity } from '../controls/control.js';
import type { Result, ResultsDocument } from '../engine/result.js';
import { controlInfo } from './control-info.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

/** GitHub rejects comments over 65,536 characters; stay well below with room for the footer. */
export const MARKDOWN_MAX_CHARS = 60_000;

export interface MarkdownOptions {
  maxChars?: number;
}

/**
 * A pull-request comment: the summary, then the failing findings grouped by severity and control in
 * collapsible <details>, then errors and waivers. Bounded in size: what does not fit is counted, not cut mid-table.
 */
export function renderMarkdown(document: ResultsDocument, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? MARKDOWN_MAX_CHARS;
  const s = document.summary;
  const failing = document.results.filter((r) => r.status === 'fail');
  const bySeverity = SEVERITIES.map((sev) => [sev, failing.filter((r) => r.severity === sev)] as const).filter(([, list]) => list.length > 0);
  const head = [
    `## kubeharden: ${failing.length === 0 ? 'no failing findings' : `${failing.length} failing finding${failing.length === 1 ? '' : 's'}`}` +
      (bySeverity.length ? ` (${bySeverity.map(([sev, list]) => `${list.length} ${sev}`).join(', ')})` : ''),
    '',
    '| pass | fail | waived | manual | not-applicable | error |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.pass} | ${s.fail} | ${s.waived} | ${s.manual} | ${s['not-applicable']} | ${s.error} |`,
    '',
  ];
  if (document.scan.warnings?.length) {
    head.push(...document.scan.warnings.map((w) => `> **Warning:** ${inline(w)}`), '');
  }
  const blocks: { text: string; findings: number }[] = [];
  for (const [severity, list] of bySeverity) {
    blocks.push({ text: `### ${SEVERITY_LABEL[severity]} (${list.length})\n`, findings: 0 });
    for (const group of groupByControl(list)) blocks.push({ text: controlBlock(group, true), findings: group.length });
  }
  const errors = document.results.filter((r) => r.status === 'error');
  if (errors.length) {
    blocks.push({ text: `### Could not check (${errors.length})\n`, findings: 0 });
    for (const group of groupByControl(errors)) blocks.push({ text: controlBlock(group, false), findings: group.length });
  }
  const waived = document.results.filter((r) => r.status === 'waived');
  if (waived.length) {
    const rows = waived.map((r) => `| \`${r.control}\` | ${cell(subjectLabel(r.subject))} | ${cell(r.waiver?.justification ?? '')} | ${r.waiver?.expires ?? ''} | ${cell(r.waiver?.source ?? '')} |`);
    blocks.push({
      text: `<details><summary>Waived (${waived.length})</summary>\n\n| control | subject | justification | expires | source |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n</details>\n`,
      findings: waived.length,
    });
  }
  let text = head.join('\n') + '\n';
  let omitted = 0;
  const footerRoom = 400;
  for (const block of blocks) {
    // Once one block does not fit, later ones are counted, not shown, so the order of severity holds.
    if (omitted > 0 || text.length + block.text.length + footerRoom > max) {
      omitted += block.findings;
      continue;
    }
    text += block.text + '\n';
  }
  if (omitted > 0) {
    text += `_${omitted} more result${omitted === 1 ? '' : 's'} not shown to keep this comment short; render the full report with \`kubeharden report render results.json --format html\`._\n\n`;
  }
  text += `<sub>kubeharden ${inline(document.tool.version)} · scanned ${inline(document.scan.finishedAt)}</sub>\n`;
  return text;
}

const MAX_ROWS_PER_CONTROL = 50;
const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

function groupByControl(results: Result[]): Result[][] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const group = groups.get(r.control);
    if (group) group.push(r);
    else groups.set(r.control, [r]);
  }
  return [...groups.values()];
}

function controlBlock(group: Result[], open: boolean): string {
  const first = group[0]!;
  const meta = controlInfo(first.control);
  const refs = first.refs.map((r) => `${r.framework} ${r.id}`);
  const rows = group.slice(0, MAX_ROWS_PER_CONTROL).map((r) => `| ${cell(subjectLabel(r.subject))} | ${cell(subjectLocation(r.subject))} | ${cell(r.message)} |`);
  if (group.length > MAX_ROWS_PER_CONTROL) rows.push(`| … and ${group.length - MAX_ROWS_PER_CONTROL} more | | |`);
  const lines = [
    `<details${open && group.length <= 5 ? ' open' : ''}><summary><code>${html(first.control)}</code> ${html(first.title)} (${group.length})</summary>`,
    '',
    '| subject | location | finding |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ];
  if (meta?.rationale) lines.push(`**Why:** ${inline(meta.rationale)}`, '');
  const remediation = first.remediation ?? meta?.remediation;
  if (remediation) lines.push(`**How to fix:** ${inline(remediation)}`, '');
  if (refs.length) lines.push(`**References:** ${inline(refs.join(', '))}`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text in a Markdown paragraph: HTML and Markdown emphasis cannot leak in. */
function inline(text: string): string {
  return html(text).replace(/([\\`*_[\]|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** Text in a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inline(text).replace(/\r?\n/g, '<br>');
}
