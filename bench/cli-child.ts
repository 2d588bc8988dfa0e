// Runs the real CLI in this process and reports its peak RSS on stderr when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nKUBEHARDEN_BENCH ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
process.argv = [process.argv[0]!, 'kubeharden', ...process.argv.slice(2)];
await import('../src/cli/main.js');
