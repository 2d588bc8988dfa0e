import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CATALOG } from '../controls/catalog.js';
import { CONFIG_FILE_NAME, ConfigError, parseConfig } from '../engine/exceptions-config.js';
import { WaiverSet } from '../engine/waivers.js';
import { findFramework } from '../frameworks/registry.js';
import { UsageError } from './output.js';

export interface ExemptionFlags {
  config?: string;
  /** false with --no-exemptions. */
  exemptions: boolean;
}

/** `--config FILE` and `--no-exemptions`, for every command that evaluates controls. */
export function addExemptionOptions(command: Command): Command {
  return command
    .option('--config <file>', `exceptions file (default: ${CONFIG_FILE_NAME} in the working directory, when present)`)
    .option('--no-exemptions', 'ignore every exception: the config file and kubeharden.io/exempt-* annotations');
}

/**
 * The waivers for a scan: `--config FILE` (which must exist) or ./.kubeharden.yaml when present.
 * An invalid file stops the scan (exit 2) with one `file:line: field: problem` line per bad field.
 */
export async function loadWaivers(flags: ExemptionFlags, today?: string): Promise<WaiverSet> {
  if (!flags.exemptions) return new WaiverSet([], { disabled: true });
  const file = flags.config ?? CONFIG_FILE_NAME;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (flags.config === undefined && code === 'ENOENT') return new WaiverSet([], { today });
    throw new UsageError(`cannot read config file ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    const config = parseConfig(file, text, new Set(CATALOG.map((c) => c.id)), frameworkItems);
    return new WaiverSet(config.exceptions, { today });
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new UsageError(`invalid config file; nothing was scanned:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
    }
    throw error;
  }
}

/** The item ids of a benchmark as results' refs name them (an item `cis-1.9:5.2.2` must exist in CIS 1.9). */
function frameworkItems(framework: string): ReadonlySet<string> | undefined {
  const found = findFramework(framework);
  if (!found) return undefined;
  return new Set(found.items.flatMap((item) => item.refs.filter((ref) => ref.framework === framework).map((ref) => ref.id)));
}

/** Expired and unused exceptions: on stderr, and in the document's scan.warnings. */
export function reportWaiverWarnings(waivers: WaiverSet): string[] {
  const warnings = waivers.warnings();
  for (const warning of warnings) process.stderr.write(`kubeharden: warning: ${warning}\n`);
  return warnings;
}
