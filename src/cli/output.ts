import { writeFile } from 'node:fs/promises';
import { FAIL_ON_CHOICES, type FailOn } from '../engine/exit-code.js';
import type { ResultsDocument } from '../engine/result.js';
import { benchmarkRows, type BenchmarkRows } from '../frameworks/reporter-view.js';
import { findFramework } from '../frameworks/registry.js';
import { UnknownBenchmarkError } from '../frameworks/view.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { AssetError } from '../report/stig-checklist.js';
import { viewForFlags, type BenchmarkFlags } from './benchmark-options.js';
import { BENCHMARK_FORMATS, BenchmarkOutputError, renderBenchmarkOutput } from './benchmark-output.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderTable } from '../report/table.js';
import { renderYaml } from '../report/yaml.js';

/** The everyday reports (issue #5); the assessor formats of issue #6 need a benchmark view. */
export const EVERYDAY_FORMATS = ['table', 'json', 'yaml', 'csv', 'markdown', 'sarif', 'junit', 'html'] as const;
export type EverydayFormat = (typeof EVERYDAY_FORMATS)[number];
export const REPORT_FORMATS = [...EVERYDAY_FORMATS, ...BENCHMARK_FORMATS] as const;
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
  /** `--benchmark` and the checklist options (src/cli/benchmark-options.ts). */
  benchmark?: BenchmarkFlags;
}

export interface RenderOptions {
  color?: boolean;
  showPassed?: boolean;
  /** `--benchmark`: JUnit and CSV then report per benchmark item and subject, HTML charts that benchmark. */
  rows?: BenchmarkRows;
}

/** The report text of a document in one everyday format; every format renders the saved document, nothing is re-scanned. */
export function renderReport(document: ResultsDocument, format: EverydayFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'table':
      return renderTable(document, { color: options.color ?? false, showPassed: options.showPassed });
    case 'json':
      return renderJson(document);
    case 'yaml':
      return renderYaml(document);
    case 'csv':
      return renderCsv(document, options.rows);
    case 'markdown':
      return renderMarkdown(document);
    case 'sarif':
      return renderSarif(document);
    case 'junit':
      return renderJunit(document, options.rows);
    case 'html':
      return renderHtml(document, options.rows ? { benchmarks: [options.rows.framework] } : {});
  }
}

/** Renders the document and writes it to `-o FILE` or stdout. */
export async function writeReport(document: ResultsDocument, options: OutputOptions): Promise<void> {
  const toFile = options.output !== undefined && options.output !== '-';
  const color = !toFile && useColor(process.stdout);
  const text =
    (await benchmarkText(document, options, color)) ??
    renderReport(document, options.format as EverydayFormat, { color, showPassed: options.showPassed, rows: rowsFor(document, options) });
  if (toFile) await writeFile(options.output!, text);
  else await writeStdout(text);
}

/** The item rows of `--benchmark` for the formats that report per item (JUnit, CSV) or chart it (HTML). */
function rowsFor(document: ResultsDocument, options: OutputOptions): BenchmarkRows | undefined {
  if (options.benchmark?.benchmark === undefined || !['junit', 'csv', 'html'].includes(options.format)) return undefined;
  try {
    const view = viewForFlags(document, options.benchmark);
    return view && benchmarkRows(view);
  } catch (error) {
    if (error instanceof UnknownBenchmarkError) throw new UsageError(error.message);
    throw error;
  }
}

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

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export const JOBS_HELP = 'worker threads that check resources (default: one per CPU, up to 8, once the input is large; 1: none)';

/** A flag that takes a positive whole number. */
export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}

/** `--jobs`: a positive whole number; `auto` when not given. */
export function parseJobs(value: string | undefined): number | 'auto' {
  return value === undefined ? 'auto' : parsePositiveInt(value, '--jobs');
}
