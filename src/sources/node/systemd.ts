import { posix } from 'node:path';
import { splitShellWords } from '../../evidence/component-config/flags.js';
import type { SourceLocation } from '../../evidence/component-config/config.js';
import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

/** Unit search path, highest priority first (systemd.unit(5)). */
const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

export interface SystemdUnit {
  name: string;
  /** The unit file, when one exists (a unit can be made only of drop-ins). */
  file?: string;
  /** Drop-in files in the order systemd applies them. */
  dropIns: string[];
  /** The effective ExecStart, split into words with variables expanded. */
  argv?: string[];
  /** For each word of argv: the file and line it was written on. */
  argLocations: SourceLocation[];
  problems: { path: string; message: string }[];
}

/**
 * Reads a service unit and its drop-ins the way systemd does: the unit from the first directory
 * of the search path that has it; drop-ins `<name>.d/*.conf` from every directory, a name in a
 * higher-priority directory masking the same name lower down, applied in name order; `ExecStart=`
 * with an empty value resets the list; `Environment=` and `EnvironmentFile=` (`-` = optional) are
 * expanded into ExecStart (`$VAR` splits on whitespace, `${VAR}` stays one word).
 */
export function readServiceUnit(root: NodeRoot, name: string): SystemdUnit | undefined {
  const unit: SystemdUnit = { name, dropIns: [], argLocations: [], problems: [] };
  for (const dir of UNIT_DIRS) {
    const stat = root.stat(`${dir}/${name}`);
    if (!isError(stat) && stat.stats.isFile()) {
      unit.file = `${dir}/${name}`;
      break;
    }
  }
  const dropIns = new Map<string, string>();
  for (const dir of UNIT_DIRS) {
    const listing = root.list(`${dir}/${name}.d`);
    if (isError(listing)) continue;
    for (const entry of listing.names) {
      if (entry.endsWith('.conf') && !dropIns.has(entry)) dropIns.set(entry, `${dir}/${name}.d/${entry}`);
    }
  }
  unit.dropIns = [...dropIns.keys()].sort().map((entry) => dropIns.get(entry)!);
  if (!unit.file && unit.dropIns.length === 0) return undefined;

  const env = new Map<string, string>();
  let execStart: { words: string[]; file: string; line: number } | undefined;
  const envFiles: { path: string; optional: boolean }[] = [];
  for (const file of [...(unit.file ? [unit.file] : []), ...unit.dropIns]) {
    const read = root.readText(file);
    if (isError(read)) {
      unit.problems.push({ path: file, message: read.error.message });
      continue;
    }
    for (const { key, value, line } of serviceDirectives(read.text)) {
      if (key === 'Environment') {
        for (const assignment of splitShellWords(value)) {
          const eq = assignment.indexOf('=');
          if (eq > 0) env.set(assignment.slice(0, eq), assignment.slice(eq + 1));
        }
      } else if (key === 'EnvironmentFile') {
        const optional = value.startsWith('-');
        envFiles.push({ path: optional ? value.slice(1) : value, optional });
      } else if (key === 'ExecStart') {
        execStart = value.trim() === '' ? undefined : { words: splitShellWords(value.replace(/^[-@:+!]+/, '')), file, line };
      }
    }
  }
  // EnvironmentFile= is read after Environment= and overrides it (systemd.exec(5)).
  for (const { path, optional } of envFiles) {
    const read = root.readText(path);
    if (isError(read)) {
      if (!(optional && read.error.kind === 'not-found')) unit.problems.push({ path, message: `EnvironmentFile ${read.error.message}` });
      continue;
    }
    for (const [k, v] of parseEnvironmentFile(read.text)) env.set(k, v);
  }
  if (execStart) {
    const location = { file: execStart.file, line: execStart.line };
    for (const word of execStart.words) {
      for (const expanded of expandWord(word, env)) {
        unit.argv = [...(unit.argv ?? []), expanded];
        unit.argLocations.push(location);
      }
    }
  }
  return unit;
}

/** `[Service]` directives with their line numbers, continuation lines joined. */
function serviceDirectives(text: string): { key: string; value: string; line: number }[] {
  const directives: { key: string; value: string; line: number }[] = [];
  const lines = text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      section = line;
      continue;
    }
    const eq = line.indexOf('=');
    if (section !== '[Service]' || eq < 0) continue;
    directives.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: start + 1 });
  }
  return directives;
}

/** `KEY=value` lines of an EnvironmentFile (quotes removed; `#` comments). */
export function parseEnvironmentFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    env.set(line.slice(0, eq).trim(), value);
  }
  return env;
}

/** systemd ExecStart expansion: a word that is exactly `$VAR` splits into words; `${VAR}` inside a word is substituted. */
function expandWord(word: string, env: ReadonlyMap<string, string>): string[] {
  const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
  if (whole) return splitShellWords(env.get(whole[1]!) ?? '');
  return [word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env.get(name) ?? '')];
}

/** True when `name` is enabled: a link to it in some `*.wants` or `*.requires` directory of /etc/systemd/system. */
export function serviceEnabled(root: NodeRoot, names: readonly string[]): { enabled: boolean; evidence: string } | undefined {
  const base = '/etc/systemd/system';
  const listing = root.list(base);
  if (isError(listing)) return undefined;
  for (const dir of listing.names) {
    if (!dir.endsWith('.wants') && !dir.endsWith('.requires')) continue;
    const entries = root.list(`${base}/${dir}`);
    if (isError(entries)) continue;
    for (const entry of entries.names) {
      const target = root.linkTarget(`${base}/${dir}/${entry}`);
      const targetName = target ? posix.basename(target) : undefined;
      if (names.includes(entry) || (targetName !== undefined && names.includes(targetName))) {
        return { enabled: true, evidence: `${base}/${dir}/${entry}${target ? ` -> ${target}` : ''}` };
      }
    }
  }
  return { enabled: false, evidence: `no link to ${names.join(' or ')} in ${base}/*.wants` };
}
