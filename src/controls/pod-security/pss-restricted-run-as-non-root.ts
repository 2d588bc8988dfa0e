import { fail, pass, perContainer } from '../control.js';
import { userNamespaceNote } from '../../evidence/user-namespace.js';
import { pss } from '../../frameworks/refs.js';

export const pssRestrictedRunAsNonRoot = perContainer(
  {
    id: 'pss-restricted-run-as-non-root',
    title: 'Pod Security Standards restricted: runAsNonRoot must be true',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The restricted profile requires runAsNonRoot: true on the pod, or on every container; an explicit false anywhere ' +
      'fails. A non-zero runAsUser alone is not enough for this rule (it is for root-container). From v1.35 Pod Security ' +
      'Admission relaxes this for pods with hostUsers: false; this control does not (the cluster version is unknown) but says so in the finding.',
    remediation: 'Set spec.securityContext.runAsNonRoot: true on the pod, and remove runAsNonRoot: false from containers.',
    refs: [...pss('restricted', 'run-as-non-root')],
  },
  (container, workload) => {
    const name = container.name;
    const pod = workload.podField('securityContext', 'runAsNonRoot');
    if (pod && pod.value !== true) return fail(`the pod sets runAsNonRoot: ${String(pod.value)} (container "${name}")${userNamespaceNote(workload)}`, pod.path);
    const effective = container.securityContext('runAsNonRoot');
    if (effective?.value === true) return pass(`container "${name}" runs with runAsNonRoot: true`, effective.path);
    if (effective) return fail(`container "${name}" sets runAsNonRoot: ${String(effective.value)}${userNamespaceNote(workload)}`, effective.path);
    return fail(`neither container "${name}" nor the pod sets runAsNonRoot: true${userNamespaceNote(workload)}`, container.path);
  },
);
