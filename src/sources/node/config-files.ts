import type { ComponentConfigFile } from '../../evidence/component-config/config.js';
import { isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { DocumentError, parseYamlDocument, splitYamlDocuments } from '../manifests/yaml-documents.js';
import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

/** A YAML or JSON file as a mapping with the line of each field; `error` when unreadable or not a mapping. */
export function readConfigFile(root: NodeRoot, path: string): ComponentConfigFile & { missing?: boolean } {
  const read = root.readText(path);
  if (isError(read)) return { path, error: read.error.message, ...(read.error.kind === 'not-found' ? { missing: true } : {}) };
  const text = read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text;
  const document = splitYamlDocuments(text)[0];
  if (!document) return { path, content: {} };
  try {
    const { value, lines } = parseYamlDocument(document);
    if (value === null || value === undefined) return { path, content: {} };
    if (!isRecord(value)) return { path, error: `${path}: not a YAML/JSON mapping` };
    return { path, content: value, lineOf: (field: FieldPath) => lines.lineOf(value, field) };
  } catch (error) {
    if (error instanceof DocumentError) return { path, error: `${path}:${error.line}: ${error.message}` };
    throw error;
  }
}

/**
 * A config file with its drop-in directory merged over it (kubelet --config-dir: `*.conf` files
 * in name order, each overriding the fields it sets; maps merged key by key).
 */
export function readWithDropIns(root: NodeRoot, path: string, dropInDir: string | undefined, suffix: string): ComponentConfigFile {
  const base = readConfigFile(root, path);
  if (!dropInDir || base.error) return base;
  const listing = root.list(dropInDir);
  if (isError(listing)) {
    return listing.error.kind === 'not-found' ? base : { path, error: `drop-in directory ${listing.error.message}` };
  }
  let content = base.content ?? {};
  const fromDropIn = new Set<string>();
  for (const name of listing.names.filter((n) => n.endsWith(suffix))) {
    const dropIn = readConfigFile(root, `${dropInDir}/${name}`);
    if (dropIn.error) return { path, error: `drop-in ${dropIn.error}` };
    content = mergeDeep(content, dropIn.content ?? {});
    for (const key of Object.keys(dropIn.content ?? {})) fromDropIn.add(key);
  }
  // Lines point into the base file; a field a drop-in set has no line there.
  const lineOf = base.lineOf;
  return {
    path,
    content,
    ...(lineOf ? { lineOf: (field: FieldPath) => (fromDropIn.has(String(field[0])) ? undefined : lineOf(field)) } : {}),
  };
}

export function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = merged[key];
    merged[key] = isRecord(existing) && isRecord(value) ? mergeDeep(existing, value) : value;
  }
  return merged;
}
