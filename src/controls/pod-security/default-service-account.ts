import { fail, pass, perPod } from '../control.js';
import { serviceAccountOf } from '../rbac/service-account-token-automount.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const defaultServiceAccount = perPod(
  {
    id: 'default-service-account',
    title: 'Pods must not run as the default service account',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'Every pod that names no service account runs as its namespace\'s "default" ServiceAccount. Permissions granted to it ' +
      'for one workload reach every other pod of the namespace, and its identity says nothing about which workload acted.',
    remediation: 'Create a dedicated ServiceAccount for the workload and set spec.serviceAccountName to it (in the pod template).',
    refs: [...cis('5.1.5'), ...nsaCisa('pod-security/service-account-tokens'), ...cisEks('4.1.5')],
  },
  (workload) => {
    const account = serviceAccountOf(workload);
    if (!account.explicit) return fail('the pod sets no serviceAccountName, so it runs as the namespace\'s "default" ServiceAccount', workload.podSpecPath);
    const path = [...workload.podSpecPath, account.field!];
    if (account.name === 'default') return fail('the pod runs as the "default" ServiceAccount', path);
    return pass(`the pod runs as ServiceAccount "${account.name}"`, path);
  },
);
