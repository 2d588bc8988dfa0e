import { getPath, type FieldPath } from './kube-object.js';
import type { ContainerView, WorkloadView } from './workload.js';

export const CONFINING_SECCOMP_TYPES = ['RuntimeDefault', 'Localhost'];

/** A seccomp setting and where it came from. */
export interface SeccompSetting {
  /** securityContext type (RuntimeDefault, Localhost, Unconfined) or the legacy annotation value. */
  value: string;
  source: 'container' | 'pod' | 'container-annotation' | 'pod-annotation';
  path: FieldPath;
  confining: boolean;
}

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** runtime/default, docker/default and localhost/<profile> confine; unconfined does not. */
function annotationConfines(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/** The securityContext seccompProfile.type of the container itself and of the pod (fields only). */
export function seccompFields(container: ContainerView, workload: WorkloadView): { own?: SeccompSetting; pod?: SeccompSetting } {
  const ownType = getPath(container.spec, ['securityContext', 'seccompProfile', 'type']);
  const own: SeccompSetting | undefined = typeof ownType === 'string'
    ? { value: ownType, source: 'container', path: [...container.path, 'securityContext', 'seccompProfile', 'type'], confining: CONFINING_SECCOMP_TYPES.includes(ownType) }
    : undefined;
  const pod = workload.podField('securityContext', 'seccompProfile', 'type');
  return {
    own,
    pod: typeof pod?.value === 'string' ? { value: pod.value, source: 'pod', path: pod.path, confining: CONFINING_SECCOMP_TYPES.includes(pod.value) } : undefined,
  };
}

/**
 * The seccomp profile a container runs with: its own field, else the pod's field, else the legacy
 * annotations (container, then pod) that kubelets before v1.27 honoured.
 */
export function effectiveSeccomp(container: ContainerView, workload: WorkloadView): SeccompSetting | undefined {
  const { own, pod } = seccompFields(container, workload);
  if (own) return own;
  if (pod) return pod;
  const annotations = workload.podMetadata.annotations ?? {};
  const forContainer = annotations[`${CONTAINER_ANNOTATION_PREFIX}${container.name}`];
  if (typeof forContainer === 'string') {
    return { value: forContainer, source: 'container-annotation', path: [...workload.podMetadataPath, 'annotations', `${CONTAINER_ANNOTATION_PREFIX}${container.name}`], confining: annotationConfines(forContainer) };
  }
  const forPod = annotations[POD_ANNOTATION];
  if (typeof forPod === 'string') {
    return { value: forPod, source: 'pod-annotation', path: [...workload.podMetadataPath, 'annotations', POD_ANNOTATION], confining: annotationConfines(forPod) };
  }
  return undefined;
}
