import { isRecord, type FieldPath } from '../evidence/kube-object.js';
import { DocumentError, parseYamlDocument } from '../sources/manifests/yaml-documents.js';
import type { ExceptionRule, ExceptionSelector } from './waivers.js';

/**
 * `.kubeharden.yaml`:
 *
 *   exceptions:
 *     - control: privileged-container          # or  item: cis-1.9:5.2.2
 *       resource: { namespace: kube-system, kind: DaemonSet, name: "cilium*", labels: { k8s-app: cilium } }
 *       justification: CNI agent needs host networking; reviewed by platform-security (SEC-123)
 *       expires: 2026-12-31
 *     - item: stig-v2r2:V-242390
 *       node: "cp-*"                            # node / file selectors for node results
 *       file: /etc/kubernetes/manifests/*.yaml
 *       justification: …
 */
export const CONFIG_FILE_NAME = '.kubeharden.yaml';

/** Benchmark keys of DESIGN.md that an `item:` may name. */
const FRAMEWORK_KEY = /^(cis-1\.(?:7|8|9|10|11|12)|cis-eks-\d+\.\d+(?:\.\d+)?|stig-v2r2|nsa-cisa-1\.2|pss-baseline|pss-restricted|eks-cac|nist-800-53)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RULE_FIELDS = ['control', 'item', 'resource', 'node', 'file', 'justification', 'expires'];
const RESOURCE_FIELDS = ['namespace', 'kind', 'name', 'labels'];

/** Every problem of a config file, each `file:line: field: what is wrong`. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface ParsedConfig {
  exceptions: ExceptionRule[];
}

/** Parses and validates the config text; throws ConfigError listing every bad field. */
/**
 * The item ids a benchmark key has (as results' refs name them), or undefined for an unknown benchmark.
 * Given by the caller (the CLI looks them up in src/frameworks), so the engine does not depend on views.
 */
export type FrameworkItems = (framework: string) => ReadonlySet<string> | undefined;

export function parseConfig(file: string, text: string, knownControls: ReadonlySet<string>, frameworkItems?: FrameworkItems): ParsedConfig {
  let parsed;
  try {
    parsed = parseYamlDocument({ text, index: 0, firstLine: 1 });
  } catch (error) {
    if (error instanceof DocumentError) throw new ConfigError([`${file}:${error.line}: ${error.message}`]);
    throw error;
  }
  const root = parsed.value;
  const textLines = text.split('\n');
  const problems: string[] = [];
  const at = (path: FieldPath, message: string) => {
    const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    problems.push(`${file}:${parsed.lines.lineOf(root, path)}: ${field ? `${field}: ` : ''}${message}`);
  };
  if (root === undefined || root === null) return { exceptions: [] };
  if (!isRecord(root)) {
    at([], 'the config must be a mapping with an `exceptions:` list');
    throw new ConfigError(problems);
  }
  for (const key of Object.keys(root)) if (key !== 'exceptions') at([key], 'unknown setting; the config file knows: exceptions');
  const list = root.exceptions ?? [];
  if (!Array.isArray(list)) at(['exceptions'], 'must be a list of exceptions');
  const exceptions: ExceptionRule[] = [];
  if (Array.isArray(list)) {
    list.forEach((entry: unknown, index) => {
      const lineText = (path: FieldPath) => textLines[parsed.lines.lineOf(root, path) - 1] ?? '';
      const rule = parseRule(entry, ['exceptions', index], at, { knownControls, frameworkItems }, `${file}:${parsed.lines.lineOf(root, ['exceptions', index])}`, lineText);
      if (rule) exceptions.push(rule);
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { exceptions };
}

type Report = (path: FieldPath, message: string) => void;

function parseRule(
  entry: unknown,
  path: FieldPath,
  at: Report,
  known: { knownControls: ReadonlySet<string>; frameworkItems?: FrameworkItems },
  source: string,
  lineText: (path: FieldPath) => string,
): ExceptionRule | undefined {
  if (!isRecord(entry)) {
    at(path, 'must be a mapping with control or item, a selector, justification and expires');
    return undefined;
  }
  let ok = true;
  const bad = (field: string, message: string) => {
    at([...path, field], message);
    ok = false;
  };
  for (const key of Object.keys(entry)) if (!RULE_FIELDS.includes(key)) bad(key, `unknown field; an exception has: ${RULE_FIELDS.join(', ')}`);
  const rule: ExceptionRule = { selector: {}, justification: '', source };

  if (entry.control !== undefined && entry.item !== undefined) bad('item', 'give either control or item, not both');
  else if (entry.control === undefined && entry.item === undefined) {
    at(path, 'missing control (a control id) or item (a benchmark item such as cis-1.9:5.2.2)');
    ok = false;
  }
  if (entry.control !== undefined) {
    if (typeof entry.control !== 'string' || !known.knownControls.has(entry.control)) {
      bad('control', `unknown control ${JSON.stringify(entry.control)}; \`kubeharden controls\` lists them`);
    } else rule.control = entry.control;
  }
  if (entry.item !== undefined) {
    const match = typeof entry.item === 'string' ? /^([^:\s]+):(\S+)$/.exec(entry.item) : null;
    const items = match && known.frameworkItems ? known.frameworkItems(match[1]!) : undefined;
    if (!match || !FRAMEWORK_KEY.test(match[1]!) || (known.frameworkItems && !items)) {
      bad('item', `${JSON.stringify(entry.item)} is not BENCHMARK:ID with a known benchmark (e.g. cis-1.9:5.2.2, stig-v2r2:V-242415, nsa-cisa-1.2:…)`);
    } else if (items && !items.has(match[2]!)) {
      bad('item', `${match[1]} has no item "${match[2]}"; \`kubeharden controls --benchmark ${match[1]}\` lists them`);
    } else rule.item = { framework: match[1]!, id: match[2]! };
  }

  if (typeof entry.justification !== 'string' || entry.justification.trim() === '') {
    if (entry.justification === undefined) at(path, 'missing justification: say why the finding is acceptable (it is shown in every report)');
    else bad('justification', 'must be a non-empty text saying why the finding is acceptable');
    ok = false;
  } else rule.justification = entry.justification.trim();

  if (entry.expires !== undefined) {
    // YAML reads an unquoted 2026-13-01 as a Date that rolls over into 2027: check the text as written.
    const written = /expires:\s*["']?([^\s"'#,}]+)/.exec(lineText([...path, 'expires']))?.[1];
    const expires = entry.expires instanceof Date && written !== undefined ? dateText(written) : dateText(entry.expires);
    if (expires === undefined) bad('expires', `${JSON.stringify(written ?? entry.expires)} is not a date YYYY-MM-DD`);
    else rule.expires = expires;
  }

  const selector: ExceptionSelector = {};
  for (const field of ['node', 'file'] as const) {
    if (entry[field] === undefined) continue;
    if (typeof entry[field] !== 'string' || entry[field] === '') bad(field, 'must be a non-empty glob (`*`, `?`, `**`)');
    else selector[field] = entry[field];
  }
  if (entry.resource !== undefined) {
    const resource = entry.resource;
    if (!isRecord(resource)) bad('resource', 'must be a mapping of namespace, kind, name (glob) and labels');
    else {
      const rpath = [...path, 'resource'];
      for (const key of Object.keys(resource)) {
        if (!RESOURCE_FIELDS.includes(key)) {
          at([...rpath, key], `unknown field; a resource selector has: ${RESOURCE_FIELDS.join(', ')}`);
          ok = false;
        }
      }
      for (const field of ['namespace', 'kind', 'name'] as const) {
        if (resource[field] === undefined) continue;
        if (typeof resource[field] !== 'string' || resource[field] === '') {
          at([...rpath, field], 'must be a non-empty text (globs `*`, `?` allowed)');
          ok = false;
        } else selector[field] = resource[field];
      }
      if (resource.labels !== undefined) {
        const labels = resource.labels;
        if (!isRecord(labels) || Object.values(labels).some((v) => typeof v !== 'string')) {
          at([...rpath, 'labels'], 'must map label keys to text values, e.g. { app: web }');
          ok = false;
        } else selector.labels = labels as Record<string, string>;
      }
    }
  }
  if (selector.labels !== undefined && (selector.node !== undefined)) bad('node', 'a resource selector and a node selector cannot both apply to one subject');
  rule.selector = selector;
  return ok ? rule : undefined;
}

/** `2026-12-31` as YAML gives it (a Date for an unquoted date) → the validated text, or undefined. */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}
