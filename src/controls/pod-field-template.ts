import { fail, pass, perPod, type ControlMeta, type WorkloadControl } from './control.js';

/** A pod-level boolean that must be absent or false (hostPID, hostIPC, hostNetwork). */
export function podFieldMustNotBeTrue(meta: ControlMeta, field: string): WorkloadControl {
  return perPod(meta, (workload) => {
    const located = workload.podField(field);
    if (located?.value === true) return fail(`the pod sets ${field}: true`, located.path);
    return pass(located ? `the pod sets ${field}: ${String(located.value)}` : `the pod does not set ${field}`, located?.path ?? workload.podSpecPath);
  });
}
