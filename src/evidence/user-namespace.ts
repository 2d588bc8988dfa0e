import type { WorkloadView } from './workload.js';

/** True when the pod runs in its own user namespace (spec.hostUsers: false): container root is not host root. */
export function usesUserNamespace(workload: WorkloadView): boolean {
  return workload.podField('hostUsers')?.value === false;
}

/**
 * Pod Security Admission from v1.35 relaxes runAsNonRoot, runAsUser (restricted) and procMount
 * (baseline) for pods with hostUsers: false. kubeharden does not know the cluster's version, so the
 * finding stands; this note says when it would not.
 */
export function userNamespaceNote(workload: WorkloadView): string {
  return usesUserNamespace(workload)
    ? ' (the pod sets hostUsers: false, which Pod Security Admission v1.35 and later accepts instead)'
    : '';
}
