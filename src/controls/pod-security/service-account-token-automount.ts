import { fail, pass, perPod } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

export const serviceAccountTokenAutomount = perPod(
  {
    id: 'service-account-token-automount',
    title: 'Pods must not automount a service account token they do not need',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'Unless told otherwise, the kubelet mounts a token for the pod\'s ServiceAccount at /var/run/secrets/kubernetes.io/serviceaccount. ' +
      'Anyone who compromises the container can use it against the API server with every permission bound to that account. ' +
      'The pod\'s automountServiceAccountToken wins over the ServiceAccount\'s; this control judges the pod spec alone, so a pod ' +
      'that leaves the field unset fails even when its ServiceAccount sets automountServiceAccountToken: false (set it on the ' +
      'pod to be explicit).',
    remediation: 'Set spec.automountServiceAccountToken: false on pods that do not call the Kubernetes API (and on their ServiceAccount); mount a projected token only where one is needed.',
    refs: [...cis('5.1.6'), ...nsaCisa('pod-security/service-account-tokens')],
  },
  (workload) => {
    const automount = workload.podField('automountServiceAccountToken');
    if (automount?.value === false) return pass('the pod sets automountServiceAccountToken: false', automount.path);
    if (automount) return fail(`the pod sets automountServiceAccountToken: ${String(automount.value)}, which mounts the token whatever its ServiceAccount says`, automount.path);
    const account = workload.podField('serviceAccountName') ?? workload.podField('serviceAccount');
    const name = typeof account?.value === 'string' && account.value !== '' ? account.value : 'default';
    return fail(
      `the pod does not set automountServiceAccountToken: false, so the token is mounted unless ServiceAccount "${name}" sets automountServiceAccountToken: false`,
      workload.podSpecPath,
    );
  },
);
