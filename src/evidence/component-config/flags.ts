/**
 * Command-line flags parsed the way the components parse them.
 *
 * The Kubernetes components use spf13/pflag: `--name=value`, `--name value`, boolean flags as a
 * bare `--name` (a following `false` is NOT consumed: pflag sets NoOptDefVal on bools, so
 * `--profiling false` means profiling=true plus a stray argument), `--` ends the flags. etcd uses
 * Go's standard `flag` package, which also accepts a single dash (`-name=value`).
 */

/** One flag as written on the command line. */
export interface FlagOccurrence {
  /** Name without dashes, e.g. `anonymous-auth`. */
  name: string;
  /** The value as written; `true` for a bare boolean flag. */
  value: string;
  /** Index of the argument (in the argv given to the parser) that holds the flag name. */
  argIndex: number;
  /** True when the value came from a bare flag (`--name`), not written out. */
  implicit: boolean;
}

export interface ParsedFlags {
  occurrences: FlagOccurrence[];
  /** Arguments that are not flags (the program name excluded). */
  positional: string[];
}

export interface FlagParseOptions {
  /** Flags that are boolean: a bare `--name` never consumes the next argument. */
  booleanFlags?: ReadonlySet<string>;
  /**
   * Index in the original argv of argv[0] given here, so argIndex can point back into the
   * container's command+args list. Default 0.
   */
  indexOffset?: number;
}

/**
 * Parses flags. argv must not include the program name. A flag not known to be boolean that has
 * no `=` consumes the next argument unless that argument starts with `-` or there is none (then
 * it is taken as a bare boolean).
 */
export function parseFlags(argv: readonly string[], options: FlagParseOptions = {}): ParsedFlags {
  const booleans = options.booleanFlags ?? new Set<string>();
  const offset = options.indexOffset ?? 0;
  const occurrences: FlagOccurrence[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) {
      occurrences.push({ name: body.slice(0, eq), value: body.slice(eq + 1), argIndex: i + offset, implicit: false });
      continue;
    }
    const next = argv[i + 1];
    if (booleans.has(body) || next === undefined || next.startsWith('-')) {
      occurrences.push({ name: body, value: 'true', argIndex: i + offset, implicit: true });
      continue;
    }
    occurrences.push({ name: body, value: next, argIndex: i + offset, implicit: false });
    i++;
  }
  return { occurrences, positional };
}

/**
 * Splits a shell command line into words (for `sh -c "kube-apiserver --a=b ..."` and systemd
 * ExecStart lines): single and double quotes, backslash escapes and line continuations. No
 * expansion is performed; `$VAR` stays as written.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1]!)) {
        if (line[i + 1] !== '\n') current += line[i + 1];
        i++;
      } else current += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < line.length) {
      if (line[i + 1] !== '\n') {
        current += line[i + 1];
        inWord = true;
      }
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += ch;
    inWord = true;
  }
  if (inWord) words.push(current);
  return words;
}

/** A pflag StringSlice/comma list value: `a,b, c` → ['a','b','c'] (empty items dropped). */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A `--feature-gates`-style map `A=true,B=false` → { A: 'true', B: 'false' }. */
export function parseKeyValueList(value: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const item of splitList(value)) {
    const eq = item.indexOf('=');
    if (eq < 0) map[item] = '';
    else map[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return map;
}

/** pflag/strconv.ParseBool: 1, t, T, TRUE, true, True and their false forms; else undefined. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/**
 * A Go duration (`1m30s`, `60s`, `300ms`, `1h`) or a bare integer (taken as seconds, as
 * `--request-timeout=300` is sometimes written) in seconds; undefined when it does not parse.
 */
export function parseDurationSeconds(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return undefined;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(match[1]) * units[match[2]!]!;
  return total;
}
