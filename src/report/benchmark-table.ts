import type { BenchmarkView, ItemStatus, ItemView } from '../frameworks/view.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

export interface BenchmarkTableOptions {
  color: boolean;
  /** List passing subjects too, not only the item line. */
  showPassed?: boolean;
}

const STATUS_COLOR: Partial<Record<ItemStatus, string>> = {
  fail: '\x1b[31m',
  error: '\x1b[1;31m',
  pass: '\x1b[32m',
  waived: '\x1b[34m',
  manual: '\x1b[33m',
  'not-checked': '\x1b[2m',
};
const RESET = '\x1b[0m';
export const CAT: Record<string, string> = { high: 'CAT I', medium: 'CAT II', low: 'CAT III' };
const STATUS_WIDTH = 'not-applicable'.length;

/** The terminal report of one benchmark: every item in benchmark order under its section, then the score. */
export function renderBenchmarkTable(view: BenchmarkView, options: BenchmarkTableOptions): string {
  const paint = (status: ItemStatus, text: string) => (options.color && STATUS_COLOR[status] ? `${STATUS_COLOR[status]}${text}${RESET}` : text);
  const lines: string[] = [view.framework.title];
  if (view.note) lines.push(`(${view.note})`);
  lines.push('');
  const idWidth = Math.max(...view.items.map((i) => i.id.length));
  let section: string | undefined;
  for (const item of view.items) {
    if (item.section !== section) {
      section = item.section;
      if (section) lines.push(section);
    }
    const level = item.item.stig ? `${CAT[item.item.stig.severity]!.padEnd(7)} ` : item.level ? `L${item.level} ` : '';
    const controls = item.controls.length ? `  [${item.controls.join(', ')}]` : '';
    lines.push(`  ${paint(item.status, item.status.padEnd(STATUS_WIDTH))} ${item.id.padEnd(idWidth)}  ${level}${item.title}${controls}`);
    lines.push(...detailLines(item, options.showPassed ?? false));
  }
  lines.push('', scoreLine(view));
  return lines.join('\n') + '\n';
}

const INDENT = ' '.repeat(4 + STATUS_WIDTH);

function detailLines(item: ItemView, showPassed: boolean): string[] {
  const out: string[] = [];
  if (item.controls.length === 0) {
    out.push(`${INDENT}manual: ${oneLine(item.auditText)}`);
    return out;
  }
  for (const result of item.results) {
    if (result.status === 'pass' && !showPassed) continue;
    if (result.status === 'not-applicable' && !showPassed) continue;
    const where = subjectLocation(result.subject);
    out.push(`${INDENT}${result.status}: ${subjectLabel(result.subject)}${where ? `  ${where}` : ''} — ${result.message}` +
      (result.waiver ? ` (waived: ${result.waiver.justification}${result.waiver.expires ? `, until ${result.waiver.expires}` : ''})` : ''));
  }
  if (item.status === 'not-checked') {
    out.push(`${INDENT}not checked by this scan: ${(item.unchecked.length ? item.unchecked : item.controls).join(', ')} saw nothing to check`);
  }
  return out;
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function scoreLine(view: BenchmarkView): string {
  const { score, counts } = view;
  const percent = score.percent === null ? 'n/a' : `${score.percent}%`;
  const parts = (Object.entries(counts) as [ItemStatus, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  return `Score: ${percent} (${score.passed} of ${score.evaluated} evaluated automated items passed; ${score.automated} of ` +
    `${view.items.length} items automated). Items: ${parts.join(', ')}.`;
}
