import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { seccompFields } from '../../evidence/seccomp.js';
import { pss } from '../../frameworks/refs.js';

export const pssRestrictedSeccomp = perLinuxContainer(
  {
    id: 'pss-restricted-seccomp',
    title: 'Pod Security Standards restricted: seccomp must be RuntimeDefault or Localhost',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The restricted profile requires seccompProfile.type RuntimeDefault or Localhost, set on the pod or on every container; ' +
      'a pod-level value that is not allowed fails even where containers override it. Only the securityContext fields count ' +
      '(not the legacy annotations). Windows pods (spec.os.name: windows) are exempt since Kubernetes v1.25.',
    remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod, and remove Unconfined from containers.',
    refs: [...pss('restricted', 'seccomp')],
  },
  (container, workload) => {
    const { own, pod } = seccompFields(container, workload);
    const name = container.name;
    if (pod && !pod.confining) return fail(`the pod sets seccompProfile.type: ${pod.value} (container "${name}")`, pod.path);
    if (own && !own.confining) return fail(`container "${name}" sets seccompProfile.type: ${own.value}`, own.path);
    const setting = own ?? pod;
    if (!setting) return fail(`container "${name}" has no seccompProfile.type, and neither has the pod`, container.path);
    return pass(`container "${name}" runs with seccomp profile ${setting.value}`, setting.path);
  },
);
