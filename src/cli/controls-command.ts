import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { UsageError } from './output.js';

export function registerControlsCommand(program: Command): void {
  program
    .command('controls')
    .description('list every control with its id, severity and benchmark references')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((flags: { format: string }) => {
      const format = flags.format;
      if (format !== 'table' && format !== 'json') throw new UsageError(`unknown --format "${format}" for controls; choose table or json`);
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
