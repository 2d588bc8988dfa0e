import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { diffDocuments, diffExitCode } from '../engine/diff.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { mergeDocuments } from '../engine/merge.js';
import type { ResultsDocument } from '../engine/result.js';
import { parseResultsDocument, ResultsInputError } from '../engine/results-input.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../report/diff.js';
import { renderJson } from '../report/json.js';
import { addBenchmarkOptions, type BenchmarkFlags } from './benchmark-options.js';
import { parseBenchmark, parseFailOn, parseFormat, REPORT_FORMATS, UsageError, writeReport } from './output.js';

/** A saved results document, or a UsageError (exit 2) naming the file and what is wrong. */
async function readResults(file: string): Promise<ResultsDocument> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return parseResultsDocument(file === '-' ? '<stdin>' : file, text);
  } catch (error) {
    if (error instanceof ResultsInputError) throw new UsageError(error.message);
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerReportCommand(program: Command): void {
  const report = program
    .command('report')
    .description('render, merge and compare saved results documents (from --format json) without scanning again');

  const render = report
    .command('render')
    .description('render a saved results document in any report format')
    .argument('<results.json>', 'a results document, or - for standard input')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a failing result is at or above: critical, high, medium, low, info, none', 'none')
    .option('--show-passed', 'list passing subjects in the table too');
  addBenchmarkOptions(render)
    .addHelpText('after', `
With --benchmark, table lists the benchmark's items with a score, junit and csv report per item and
subject, and html charts that benchmark; the assessor formats (ckl, cklb, xccdf, hdf, oscal) need one.

Examples:
  kubeharden report render results.json --format html -o report.html
  kubeharden report render results.json --format sarif -o kubeharden.sarif
  kubeharden report render results.json --format junit --benchmark cis-1.9 -o junit.xml`)
    .action(async (file: string, flags: BenchmarkFlags & { format: string; output?: string; failOn: string; showPassed?: boolean }) => {
      const format = parseFormat(flags.format);
      const failOn = parseFailOn(flags.failOn);
      parseBenchmark(flags.benchmark);
      const document = await readResults(file);
      await writeReport(document, { format, output: flags.output, showPassed: flags.showPassed, benchmark: flags });
      process.exitCode = exitCodeFor(document.results, failOn);
    });

  report
    .command('merge')
    .description('merge results documents (node, cluster, manifests scans) into one, deduplicated by control and subject')
    .argument('<results.json...>', 'two or more results documents')
    .option('-o, --output <file>', 'write the merged document to a file instead of stdout')
    .addHelpText('after', `
Results are deduplicated by control and subject (ignoring line numbers) and sorted, so the output does not
depend on the order of the inputs. Where scans disagree about the same finding the most severe status wins
(error > fail > waived > manual > pass > not-applicable) and a warning names both files.

Example:
  kubeharden report merge node-*.json cluster.json -o all.json`)
    .action(async (files: string[], flags: { output?: string }) => {
      const inputs = [];
      for (const file of files) inputs.push({ name: file, document: await readResults(file) });
      const merged = mergeDocuments(inputs);
      for (const warning of merged.scan.warnings ?? []) {
        if (warning.startsWith('merge: ')) process.stderr.write(`kubeharden: warning: ${warning}\n`);
      }
      const text = renderJson(merged);
      if (flags.output !== undefined && flags.output !== '-') await writeFile(flags.output, text);
      else process.stdout.write(text);
    });

  report
    .command('diff')
    .description('list new, resolved and unchanged failing findings between two scans')
    .argument('<old.json>', 'the earlier results document')
    .argument('<new.json>', 'the later results document')
    .option('-f, --format <format>', `${DIFF_FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the diff to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a NEW finding is at or above: critical, high, medium, low, info, none', 'low')
    .addHelpText('after', `
Findings are matched by control and subject (kind, namespace, name, container, file, node), not by line,
so moving a manifest does not make its findings new.
Exit codes: 0 no new finding at or above --fail-on; 1 there is one; 2 bad input, or the new scan has error results.

Example:
  kubeharden report diff last-week.json today.json --format markdown`)
    .action(async (oldFile: string, newFile: string, flags: { format: string; output?: string; failOn: string }) => {
      if (!(DIFF_FORMATS as readonly string[]).includes(flags.format)) {
        throw new UsageError(`unknown --format "${flags.format}" for report diff; choose one of: ${DIFF_FORMATS.join(', ')}`);
      }
      const failOn = parseFailOn(flags.failOn);
      const diff = diffDocuments(await readResults(oldFile), await readResults(newFile));
      const text = renderDiff(diff, flags.format as DiffFormat, { old: oldFile, new: newFile });
      if (flags.output !== undefined && flags.output !== '-') await writeFile(flags.output, text);
      else process.stdout.write(text);
      if (diff.incomplete) process.stderr.write(`kubeharden: warning: ${newFile} has error results: the scan was incomplete\n`);
      process.exitCode = diffExitCode(diff, failOn);
    });
}
