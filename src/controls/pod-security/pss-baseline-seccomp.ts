import { fail, pass, perContainer } from '../control.js';
import { seccompFields } from '../../evidence/seccomp.js';
import { pss } from '../../frameworks/refs.js';

export const pssBaselineSeccomp = perContainer(
  {
    id: 'pss-baseline-seccomp',
    title: 'Pod Security Standards baseline: seccomp must not be Unconfined',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The baseline profile forbids an explicit Unconfined seccomp profile on the pod or any container; an unset profile is ' +
      'allowed (the restricted profile requires one: pss-restricted-seccomp).',
    remediation: 'Replace seccompProfile.type: Unconfined with RuntimeDefault (or Localhost).',
    refs: [...pss('baseline', 'seccomp')],
  },
  (container, workload) => {
    const { own, pod } = seccompFields(container, workload);
    const name = container.name;
    if (own && own.value === 'Unconfined') return fail(`container "${name}" sets seccompProfile.type: Unconfined`, own.path);
    if (pod && pod.value === 'Unconfined') return fail(`the pod sets seccompProfile.type: Unconfined (container "${name}")`, pod.path);
    const setting = own ?? pod;
    return pass(setting ? `container "${name}" runs with seccomp profile ${setting.value}` : `container "${name}" sets no Unconfined seccomp profile`, setting?.path ?? container.path);
  },
);
