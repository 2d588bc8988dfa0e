import type { FieldPath, KubeObject, ObjectMeta, Origin, SourcedObject } from './kube-object.js';
import { workloadOf, type WorkloadOptions, type WorkloadView } from './workload.js';

/*
 * What the inventory keeps of an object until the scan ends. A scan of 100 000 resources cannot
 * hold every workload's tree and its document's line index at once: it keeps the metadata, the
 * pod template's metadata and the pod-level scalar fields (serviceAccountName,
 * automountServiceAccountToken, hostNetwork …) with their lines, and lets the rest go.
 */

/** An annotation that repeats the whole object (kubectl apply writes it): never needed later. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const pathKey = (path: FieldPath): string => path.join('\u0000');

/** An origin as plain data (for another thread): the lines of chosen fields, keyed by path. */
export interface PortableOrigin {
  file: string;
  documentIndex: number;
  line: number;
  lines: Map<string, number>;
}

/** An object and its origin as plain data, which structured clone can carry to another thread. */
export interface PortableSourced {
  object: KubeObject;
  origin?: PortableOrigin;
}

function portableOrigin(origin: Origin, paths: Iterable<FieldPath>): PortableOrigin {
  const lines = new Map<string, number>();
  for (const path of paths) lines.set(pathKey(path), origin.lineOf(path));
  return { file: origin.file, documentIndex: origin.documentIndex, line: origin.line, lines };
}

/** An origin that answers from recorded lines: a field's own, else its nearest recorded ancestor's. */
export function originOf(portable: PortableOrigin): Origin {
  const { lines } = portable;
  return {
    file: portable.file,
    documentIndex: portable.documentIndex,
    line: portable.line,
    lineOf(path) {
      for (let length = path.length; length > 0; length--) {
        const line = lines.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return portable.line;
    },
  };
}

/** Every path of a (small) object: an RBAC object or policy kept whole must answer for any field. */
function* allPaths(node: unknown, path: (string | number)[] = []): Generator<FieldPath> {
  yield path;
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* allPaths(node[i], [...path, i]);
  else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) yield* allPaths(value, [...path, key]);
}

/** An object kept whole, as plain data, with the line of every field. */
export function portableSourced(sourced: SourcedObject): PortableSourced {
  return sourced.origin ? { object: sourced.object, origin: portableOrigin(sourced.origin, allPaths(sourced.object)) } : { object: sourced.object };
}

/** A retained object or workload's recorded lines are its origin's; anything else must be portableSourced first. */
export function sourcedOf(portable: PortableSourced): SourcedObject {
  return portable.origin ? { object: portable.object, origin: originOf(portable.origin) } : { object: portable.object };
}

function retainedMetadata(metadata: ObjectMeta | undefined): ObjectMeta | undefined {
  if (!metadata) return undefined;
  const kept: ObjectMeta = {};
  for (const key of ['name', 'namespace', 'labels', 'ownerReferences'] as const) {
    if (metadata[key] !== undefined) (kept as Record<string, unknown>)[key] = metadata[key];
  }
  if (metadata.annotations !== undefined) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } = metadata.annotations;
    kept.annotations = annotations;
  }
  return kept;
}

/** An object's identity and metadata, for pointing at it (a namespace's first object). */
export function retainedObject(sourced: SourcedObject): PortableSourced {
  const { apiVersion, kind, metadata } = sourced.object;
  const object: KubeObject = { apiVersion, kind };
  const kept = retainedMetadata(metadata);
  if (kept) object.metadata = kept;
  return sourced.origin ? { object, origin: portableOrigin(sourced.origin, [['metadata']]) } : { object };
}

/**
 * A workload as the inventory controls read it: object and pod template metadata, and the pod
 * spec's scalar fields with their lines; containers, volumes and the rest are dropped.
 */
export function retainedWorkload(workload: WorkloadView): PortableSourced {
  const podSpec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(workload.podSpec)) {
    if (value === null || typeof value !== 'object') podSpec[key] = value;
  }
  const templatePath = workload.podSpecPath.slice(0, -1);
  const { apiVersion, kind, metadata } = workload.object;
  const object: KubeObject = { apiVersion, kind };
  const keptMetadata = retainedMetadata(metadata);
  if (keptMetadata) object.metadata = keptMetadata;
  if (templatePath.length === 0) {
    object.spec = podSpec;
  } else {
    let node: Record<string | number, unknown> = object;
    for (const key of templatePath.slice(0, -1)) node = (node[key] = {}) as Record<string | number, unknown>;
    node[templatePath.at(-1)!] = { metadata: workload.podMetadata, spec: podSpec };
  }
  const paths: FieldPath[] = [
    ['metadata'],
    workload.podMetadataPath,
    workload.podSpecPath,
    ...Object.keys(podSpec).map((key) => [...workload.podSpecPath, key]),
  ];
  return workload.origin ? { object, origin: portableOrigin(workload.origin, paths) } : { object };
}

/** The workload view of a retained workload. */
export function retainedWorkloadView(portable: PortableSourced, options: WorkloadOptions = {}): WorkloadView {
  return workloadOf(sourcedOf(portable), options)!;
}
