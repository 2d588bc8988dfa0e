import { writeFile } from 'node:fs/promises';
import { FAIL_ON_CHOICES, type FailOn } from '../engine/exit-code.js';
import type { ResultsDocument } from '../engine/result.js';
import { findFramework } from '../frameworks/registry.js';
import { benchmarkRows } from '../frameworks/reporter-view.js';
import { UnknownBenchmarkError } from '../frameworks/view.js';
import type { BenchmarkView } from '../report/benchmark-view.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { AssetError } from '../report/stig-checklist.js';
import { renderTable } from '../report/table.js';
import { renderYaml } from '../report/yaml.js';
import { viewForFlags, type BenchmarkFlags } from './benchmark-options.js';
import { BENCHMARK_FORMATS, BenchmarkOutputError, renderBenchmarkOutput, type BenchmarkFormat } from './benchmark-output.js';

export const REPORT_FORMATS = ['table', 'json', 'yaml', 'csv', 'markdown', 'sarif', 'junit', 'html', ...BENCHMARK_FORMATS] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Raised for bad arguments: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export function parseFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`unknown --format "${value}"; choose one of: ${REPORT_FORMATS.join(', ')}`);
}

/** `--benchmark`: `auto` or a framework id; undefined passes through. */
export function parseBenchmark(value: string | undefined): string | undefined {
  if (value === undefined || value === 'auto' || findFramework(value)) return value;
  throw new UsageError(new UnknownBenchmarkError(value).message);
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
  /** `--benchmark` and the checklist options (src/cli/benchmark-options.ts); gives `view` when it is not set. */
  benchmark?: BenchmarkFlags;
}

/** The report text of a document in one format; every format renders the saved document, nothing is re-scanned. */
export function renderReport(document: ResultsDocument, format: Exclude<ReportFormat, BenchmarkFormat>, options: { color?: boolean; showPassed?: boolean; view?: BenchmarkView } = {}): string {
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
  const color = !toFile && useColor(process.stdout);
  const text =
    (await benchmarkText(document, options, color)) ??
    renderReport(document, options.format as Exclude<ReportFormat, BenchmarkFormat>, {
      color,
      showPassed: options.showPassed,
      view: options.view ?? rowsView(document, options.benchmark, options.format),
    });
  if (toFile) await writeFile(options.output!, text);
  else await writeStdout(text);
}

/** The assessor formats, and the benchmark table for `--benchmark` with the table format. */
async function benchmarkText(document: ResultsDocument, options: OutputOptions, color: boolean): Promise<string | undefined> {
  try {
    return await renderBenchmarkOutput(document, options.format, options.benchmark ?? {}, {
      color,
      showPassed: options.showPassed,
      warn: (message) => process.stderr.write(`kubeharden: warning: ${message}\n`),
    });
  } catch (error) {
    if (error instanceof UnknownBenchmarkError || error instanceof BenchmarkOutputError || error instanceof AssetError) throw new UsageError(error.message);
    throw error;
  }
}

/** Formats that report per benchmark item when `--benchmark` is given; the others ignore it. */
const ITEM_FORMATS: readonly string[] = ['table', 'csv', 'junit', 'html', ...BENCHMARK_FORMATS.filter((f) => f !== 'policyreport')];

/** `--benchmark` for the row-oriented reporters (csv, junit, html). */
function rowsView(document: ResultsDocument, flags: BenchmarkFlags | undefined, format: ReportFormat): BenchmarkView | undefined {
  if (!flags?.benchmark) return undefined;
  if (!ITEM_FORMATS.includes(format)) {
    process.stderr.write(`kubeharden: note: --format ${format} reports per control; --benchmark applies to ${ITEM_FORMATS.join(', ')}\n`);
    return undefined;
  }
  try {
    const view = viewForFlags(document, flags);
    return view ? benchmarkRows(view) : undefined;
  } catch (error) {
    if (error instanceof UnknownBenchmarkError) throw new UsageError(error.message);
    throw error;
  }
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
