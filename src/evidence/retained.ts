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

/** The origin of an object that answers only for `paths` (and their ancestors), without its document. */
export function retainedOrigin(origin: Origin, paths: readonly FieldPath[]): Origin {
  const lines = new Map<string, number>();
  for (const path of paths) lines.set(pathKey(path), origin.lineOf(path));
  return {
    file: origin.file,
    documentIndex: origin.documentIndex,
    line: origin.line,
    lineOf(path) {
      for (let length = path.length; length > 0; length--) {
        const line = lines.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return origin.line;
    },
  };
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
export function retainedObject(sourced: SourcedObject): SourcedObject {
  const { apiVersion, kind, metadata } = sourced.object;
  const object: KubeObject = { apiVersion, kind };
  const kept = retainedMetadata(metadata);
  if (kept) object.metadata = kept;
  return sourced.origin ? { object, origin: retainedOrigin(sourced.origin, [['metadata']]) } : { object };
}

/**
 * A workload as the inventory controls read it: object and pod template metadata, and the pod
 * spec's scalar fields with their lines; containers, volumes and the rest are dropped.
 */
export function retainedWorkload(workload: WorkloadView, options: WorkloadOptions = {}): WorkloadView {
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
  const sourced: SourcedObject = workload.origin ? { object, origin: retainedOrigin(workload.origin, paths) } : { object };
  return workloadOf(sourced, options)!;
}
