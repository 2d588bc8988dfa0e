#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { EXIT_INCOMPLETE } from '../engine/exit-code.js';
import { VERSION } from '../version.js';
import { registerClusterCommands } from './cluster-command.js';
import { registerControlsCommand } from './controls-command.js';
import { registerNodeCommand } from './node-command.js';
import { registerEksCommand } from './eks-command.js';
import { registerFleetCommand } from './fleet-command.js';
import { UsageError } from './output.js';
import { registerReportCommand } from './report-command.js';
import { registerRbacCommand } from './rbac-command.js';
import { registerScanCommand } from './scan-command.js';

const program = new Command()
  .name(process.argv[1]?.includes('kubectl-harden') ? 'kubectl harden' : 'kubeharden')
  .description('Kubernetes hardening and compliance scanner (CIS, DISA STIG, NSA/CISA, EKS)')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`kubeharden: ${text.replace(/^error: /, '')}`) });

// `kubeharden … | head`: the reader closing the pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

registerScanCommand(program);
registerClusterCommands(program);
registerNodeCommand(program);
registerControlsCommand(program);
registerEksCommand(program);
registerReportCommand(program);
registerRbacCommand(program);
registerFleetCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_INCOMPLETE;
  } else if (error instanceof UsageError) {
    process.stderr.write(`kubeharden: ${error.message}\n`);
    process.exitCode = EXIT_INCOMPLETE;
  } else {
    process.stderr.write(`kubeharden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_INCOMPLETE;
  }
}
