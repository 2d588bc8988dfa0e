import { isRecord } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { userNamespaceNote } from '../../evidence/user-namespace.js';
import { pss } from '../../frameworks/refs.js';

export const pssRestrictedRunAsUser = perContainer(
  {
    id: 'pss-restricted-run-as-user',
    title: 'Pod Security Standards restricted: runAsUser must not be 0',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The restricted profile forbids runAsUser: 0 on the pod and on every container (a pod-level 0 fails even where ' +
      'containers override it). An unset runAsUser passes this rule; runAsNonRoot covers it.',
    remediation: 'Set runAsUser to a non-zero UID (e.g. 10001) or remove it, on the pod and on every container.',
    refs: [...pss('restricted', 'run-as-user')],
  },
  (container, workload) => {
    const name = container.name;
    const own = isRecord(container.spec.securityContext) ? container.spec.securityContext.runAsUser : undefined;
    if (own !== undefined && Number(own) === 0) return fail(`container "${name}" sets runAsUser: 0${userNamespaceNote(workload)}`, [...container.path, 'securityContext', 'runAsUser']);
    const pod = workload.podField('securityContext', 'runAsUser');
    if (pod && Number(pod.value) === 0) return fail(`the pod sets runAsUser: 0 (container "${name}")${userNamespaceNote(workload)}`, pod.path);
    const effective = container.securityContext('runAsUser');
    return pass(effective ? `container "${name}" runs as UID ${String(effective.value)}` : `container "${name}" does not set runAsUser: 0`, effective?.path ?? container.path);
  },
);
