import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { chooseBenchmark } from '../frameworks/benchmark-choice.js';
import { benchmarkView } from '../frameworks/view.js';
import { renderBenchmarkItems } from '../report/benchmark-items.js';
import { parseBenchmark, UsageError } from './output.js';

export function registerControlsCommand(program: Command): void {
  program
    .command('controls')
    .description('list every control with its id, severity and benchmark references')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('--benchmark <id>', 'list the items of a benchmark (e.g. cis-1.9, stig-v2r2) with their automation and controls')
    .action((flags: { format: string; benchmark?: string }) => {
      const format = flags.format;
      if (format !== 'table' && format !== 'json') throw new UsageError(`unknown --format "${format}" for controls; choose table or json`);
      const benchmark = parseBenchmark(flags.benchmark);
      if (benchmark !== undefined) {
        const choice = chooseBenchmark(benchmark, { scan: { startedAt: '', finishedAt: '', targets: [] } });
        process.stdout.write(renderBenchmarkItems(benchmarkView({ results: [] }, choice.id, { note: choice.note }), format));
        return;
      }
      if (format === 'json') {
        const list = CATALOG.map(({ id, title, severity, family, refs, rationale, remediation }) => ({
          id, title, severity, family, refs, rationale, remediation,
        }));
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      const idWidth = Math.max(...CATALOG.map((c) => c.id.length));
      for (const control of CATALOG) {
        const refs = control.refs
          .filter((r) => !r.framework.startsWith('cis-') || r.framework === 'cis-1.10')
          .map((r) => `${r.framework}:${r.id}`)
          .join(' ');
        process.stdout.write(`${control.id.padEnd(idWidth)}  ${control.severity.padEnd(8)}  ${control.title}${refs ? `  ${refs}` : ''}\n`);
      }
    });
}
