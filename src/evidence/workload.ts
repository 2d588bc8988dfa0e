import {
  asArray,
  asRecord,
  getPath,
  isRecord,
  type FieldPath,
  type KubeObject,
  type ObjectMeta,
  type Origin,
  type SourcedObject,
} from './kube-object.js';

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_TYPES: readonly ContainerType[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** A value and the field it was read from, so findings can point at the right line. */
export interface Located<T> {
  value: T;
  path: FieldPath;
}

/** One container of a workload, with its securityContext merged over the pod's as the kubelet does. */
export interface ContainerView {
  name: string;
  type: ContainerType;
  spec: Record<string, unknown>;
  /** Path of this container within the object. */
  path: FieldPath;
  /**
   * A securityContext field as the container runs with it: the container's own value where set,
   * else the pod's (for the fields PodSecurityContext also has), else undefined.
   */
  securityContext(field: string, ...subPath: string[]): Located<unknown> | undefined;
}

/** The pod spec of any object that runs pods, whatever its kind. */
export interface WorkloadView {
  object: KubeObject;
  origin?: Origin;
  podSpec: Record<string, unknown>;
  podSpecPath: FieldPath;
  /** Metadata of the pods this workload creates (the template's; the Pod's own for a Pod). */
  podMetadata: ObjectMeta;
  podMetadataPath: FieldPath;
  containers: ContainerView[];
  /** A pod-level field of the spec, with its path. */
  podField(...path: string[]): Located<unknown> | undefined;
}

/** Where each kind keeps its pod template (an object with metadata and spec); '' is the object itself. */
export const BUILT_IN_POD_TEMPLATE_PATHS: Readonly<Record<string, string>> = {
  Pod: '',
  PodTemplate: 'template',
  Deployment: 'spec.template',
  ReplicaSet: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  Job: 'spec.template',
  ReplicationController: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
  // Custom resources that embed a pod template.
  Rollout: 'spec.template',
  DeploymentConfig: 'spec.template',
};

/** Fields PodSecurityContext shares with SecurityContext: a container inherits these from the pod. */
const INHERITED_SECURITY_CONTEXT_FIELDS = new Set([
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'seLinuxOptions',
  'seccompProfile',
  'windowsOptions',
  'appArmorProfile',
]);

export interface WorkloadOptions {
  /** Extra or overriding kind → pod template path, e.g. { Workflow: 'spec.podTemplate' }. */
  podTemplatePaths?: Readonly<Record<string, string>>;
}

export function parseFieldPath(dotted: string): string[] {
  return dotted === '' ? [] : dotted.split('.');
}

/** The workload view of an object, or undefined when it does not run pods. */
export function workloadOf(sourced: SourcedObject, options: WorkloadOptions = {}): WorkloadView | undefined {
  const { object } = sourced;
  const templatePath = options.podTemplatePaths?.[object.kind] ?? BUILT_IN_POD_TEMPLATE_PATHS[object.kind];
  if (templatePath === undefined) return undefined;
  const templatePathParts = parseFieldPath(templatePath);
  const template = getPath(object, templatePathParts);
  if (!isRecord(template)) return undefined;
  const podSpec = template.spec;
  if (!isRecord(podSpec)) return undefined;
  const podSpecPath = [...templatePathParts, 'spec'];
  const podSecurityContext = asRecord(podSpec.securityContext);
  const containers: ContainerView[] = [];
  for (const type of CONTAINER_TYPES) {
    asArray(podSpec[type]).forEach((raw, index) => {
      if (!isRecord(raw)) return;
      const path = [...podSpecPath, type, index];
      const own = asRecord(raw.securityContext);
      containers.push({
        name: typeof raw.name === 'string' ? raw.name : `${type}[${index}]`,
        type,
        spec: raw,
        path,
        securityContext(field, ...subPath) {
          const ownValue = getPath(own, [field, ...subPath]);
          if (ownValue !== undefined) return { value: ownValue, path: [...path, 'securityContext', field, ...subPath] };
          if (!INHERITED_SECURITY_CONTEXT_FIELDS.has(field)) return undefined;
          const podValue = getPath(podSecurityContext, [field, ...subPath]);
          if (podValue !== undefined) return { value: podValue, path: [...podSpecPath, 'securityContext', field, ...subPath] };
          return undefined;
        },
      });
    });
  }
  return {
    object,
    origin: sourced.origin,
    podSpec,
    podSpecPath,
    podMetadata: asRecord(template.metadata) as ObjectMeta,
    podMetadataPath: [...templatePathParts, 'metadata'],
    containers,
    podField(...path) {
      const value = getPath(podSpec, path);
      return value === undefined ? undefined : { value, path: [...podSpecPath, ...path] };
    },
  };
}
