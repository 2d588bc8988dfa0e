import { notApplicable, perContainer, type Check, type ControlMeta, type WorkloadControl } from './control.js';
import { isWindowsPod } from '../evidence/pod-os.js';
import type { ContainerView, WorkloadView } from '../evidence/workload.js';

/**
 * perContainer for settings that exist only on Linux: a pod with spec.os.name: windows gets
 * not-applicable (the API server rejects these fields on Windows pods, and the Pod Security
 * Standards exempt them from the restricted privilege-escalation, seccomp and capabilities rules).
 */
export function perLinuxContainer(
  meta: ControlMeta,
  check: (container: ContainerView, workload: WorkloadView) => Omit<Check, 'container'>,
): WorkloadControl {
  return perContainer(meta, (container, workload) =>
    isWindowsPod(workload)
      ? notApplicable(`container "${container.name}" is in a Windows pod (spec.os.name: windows), where this Linux setting does not exist`, workload.podField('os', 'name')?.path)
      : check(container, workload),
  );
}
