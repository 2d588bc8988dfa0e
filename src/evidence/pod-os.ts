import type { WorkloadView } from './workload.js';

/**
 * True when the pod declares spec.os.name: windows. The API server then forbids the Linux-only
 * securityContext fields (allowPrivilegeEscalation, capabilities, seccompProfile, seLinuxOptions,
 * procMount, runAsUser …), and the Pod Security Standards exempt such pods from the restricted
 * privilege-escalation, seccomp and capabilities rules (Kubernetes v1.25+).
 */
export function isWindowsPod(workload: WorkloadView): boolean {
  const os = workload.podField('os', 'name');
  return typeof os?.value === 'string' && os.value.toLowerCase() === 'windows';
}
