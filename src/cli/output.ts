import { writeFile } from 'node:fs/promises';
import { FAIL_ON_CHOICES, type FailOn } from '../engine/exit-code.js';
import type { ResultsDocument } from '../engine/result.js';
import { renderJson } from '../report/json.js';
import { renderTable } from '../report/table.js';

export const REPORT_FORMATS = ['table', 'json'] as const;
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
}

/** Renders the document and writes it to `-o FILE` or stdout. */
export async function writeReport(document: ResultsDocument, options: OutputOptions): Promise<void> {
  const toFile = options.output !== undefined && options.output !== '-';
  const text =
    options.format === 'json'
      ? renderJson(document)
      : renderTable(document, { color: !toFile && useColor(process.stdout), showPassed: options.showPassed });
  if (toFile) await writeFile(options.output!, text);
  else await writeStdout(text);
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
