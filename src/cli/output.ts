import { writeFile } from 'node:fs/promises';
import { FAIL_ON_CHOICES, type FailOn } from '../engine/exit-code.js';
import type { ResultsDocument } from '../engine/result.js';
import { findFramework } from '../frameworks/registry.js';
import { UnknownBenchmarkError } from '../frameworks/view.js';
import { AssetError } from '../report/stig-checklist.js';
import type { BenchmarkFlags } from './benchmark-options.js';
import { BENCHMARK_FORMATS, BenchmarkOutputError, renderBenchmarkOutput } from './benchmark-output.js';
import { renderJson } from '../report/json.js';
import { renderTable } from '../report/table.js';

export const REPORT_FORMATS = ['table', 'json', ...BENCHMARK_FORMATS] as const;
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

/** Renders the document and writes it to `-o FILE` or stdout. */
export async function writeReport(document: ResultsDocument, options: OutputOptions): Promise<void> {
  const toFile = options.output !== undefined && options.output !== '-';
  const color = !toFile && useColor(process.stdout);
  const text =
    (await benchmarkText(document, options, color)) ??
    (options.format === 'json'
      ? renderJson(document)
      : renderTable(document, { color, showPassed: options.showPassed }));
  if (toFile) await writeFile(options.output!, text);
  else await writeStdout(text);
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
