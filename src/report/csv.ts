import type { Result, ResultsDocument } from '../engine/result.js';
import type { BenchmarkRows } from '../frameworks/reporter-view.js';

export const CSV_COLUMNS = [
  'control', 'title', 'severity', 'status', 'subject_type', 'api_version', 'kind', 'namespace', 'name', 'container',
  'node', 'file', 'line', 'message', 'remediation', 'refs', 'waiver_justification', 'waiver_expires', 'waiver_source',
] as const;

/** RFC 4180: one header row, one row per result, CRLF line ends, fields quoted when they need it. */
export function renderCsv(document: ResultsDocument, view?: BenchmarkRows): string {
  if (view) return renderItemCsv(view);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const result of document.results) rows.push(resultRow(result));
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function resultRow(result: Result): string[] {
  const s = result.subject;
  const field = (key: string): string => {
    const value = (s as Record<string, unknown>)[key];
    return value === undefined ? '' : String(value);
  };
  return [
    result.control,
    result.title,
    result.severity,
    result.status,
    s.type,
    field('apiVersion'),
    field('kind'),
    field('namespace'),
    field('name'),
    field('container'),
    field('node'),
    s.type === 'file' ? s.path : field('file'),
    field('line'),
    result.message,
    result.remediation ?? '',
    result.refs.map((r) => `${r.framework}:${r.id}`).join(' '),
    result.waiver?.justification ?? '',
    result.waiver?.expires ?? '',
    result.waiver?.source ?? '',
  ];
}

const ITEM_COLUMNS = ['framework', 'item', 'title', 'severity', 'status', 'subject', 'message', 'remediation', 'controls'];

function renderItemCsv(view: BenchmarkRows): string {
  const rows: string[][] = [ITEM_COLUMNS];
  for (const item of view.items) {
    rows.push([
      item.framework, item.item, item.title, item.severity, item.status,
      item.subject ? JSON.stringify(item.subject) : '', item.message, item.remediation ?? '', item.controls.join(' '),
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
