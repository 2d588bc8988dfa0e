import { writeFile } from 'node:fs/promises';
import { FAIL_ON_CHOICES, type FailOn } from '../engine/exit-code.js';
import type { ResultsDocument } from '../engine/result.js';
import type { BenchmarkView } from '../report/benchmark-view.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderTable } from '../report/table.js';
import { renderYaml } from '../report/yaml.js';

export const REPORT_FORMATS = ['table', 'json', 'yaml', 'csv', 'markdown', 'sarif', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Raised for bad arguments: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export function parseFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`unknown --format "${value}"; choose one of: ${REPORT_FORMATS.join(', ')}`);
}

export function parseFailOn(value: string): FailOn {
  if ((FAIL_ON_CHOICES as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`unknown --fail-on "${value}"; choose one of: ${FAIL_ON_CHOICES.join(', ')}`);
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

export interface OutputOptions {
  format: ReportFormat;
  output?: string;
  showPassed?: boolean;
  /** A benchmark view (src/frameworks) for the formats that can report per benchmark item. */
  view?: BenchmarkView;
}

/** The report text of a document in one format; every format renders the saved document, nothing is re-scanned. */
export function renderReport(document: ResultsDocument, format: ReportFormat, options: { color?: boolean; showPassed?: boolean; view?: BenchmarkView } = {}): string {
  switch (format) {
    case 'table':
      return renderTable(document, { color: options.color ?? false, showPassed: options.showPassed });
    case 'json':
      return renderJson(document);
    case 'yaml':
      return renderYaml(document);
    case 'csv':
      return renderCsv(document, options.view);
    case 'markdown':
      return renderMarkdown(document);
    case 'sarif':
      return renderSarif(document);
    case 'junit':
      return renderJunit(document, options.view);
    case 'html':
      return renderHtml(document, { views: options.view ? [options.view] : undefined });
  }
}

/** Renders the document and writes it to `-o FILE` or stdout. */
export async function writeReport(document: ResultsDocument, options: OutputOptions): Promise<void> {
  const toFile = options.output !== undefined && options.output !== '-';
  const text = renderReport(document, options.format, {
    color: !toFile && useColor(process.stdout),
    showPassed: options.showPassed,
    view: options.view,
  });
  if (toFile) await writeFile(options.output!, text);
  else await writeStdout(text);
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
