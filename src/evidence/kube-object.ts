/** A Kubernetes object as read from any source, untyped beyond the fields every object has. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion?: string; kind?: string; name?: string; controller?: boolean }[];
  [field: string]: unknown;
}

/** A path into an object, e.g. ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export type FieldPath = readonly (string | number)[];

/** Where an object came from, and how to find the line of any of its fields. */
export interface Origin {
  file: string;
  documentIndex: number;
  line: number;
  /** Line (1-based) of the field at `path`, or of its nearest ancestor that has one. */
  lineOf(path: FieldPath): number;
}

export interface SourcedObject {
  object: KubeObject;
  origin?: Origin;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function getPath(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[key];
    } else {
      if (!isRecord(node)) return undefined;
      node = node[key];
    }
  }
  return node;
}

export function isKubeObject(value: unknown): value is KubeObject {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string'
    && value.apiVersion !== '' && value.kind !== '';
}
