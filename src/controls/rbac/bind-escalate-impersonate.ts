import { cis, nsaCisa } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacBindEscalateImpersonate = principalsWithAccess(
  {
    id: 'rbac-bind-escalate-impersonate',
    title: 'Limit use of the bind, escalate and impersonate permissions',
    severity: 'high',
    family: 'rbac',
    rationale:
      'bind and escalate on roles let a subject grant itself permissions it does not hold; impersonate lets it act as any user, group or service account. Each is a path to cluster-admin.',
    remediation:
      'Remove the bind and escalate verbs on roles/clusterroles and impersonate on users, groups and serviceaccounts from the roles bound to this subject.',
    refs: [...cis('5.1.8'), ...nsaCisa('rbac/least-privilege')],
  },
  'bind or escalate roles, or impersonate',
  [
    { verbs: ['bind', 'escalate'], apiGroup: 'rbac.authorization.k8s.io', resource: 'roles' },
    { verbs: ['bind', 'escalate'], apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
    { verbs: ['impersonate'], apiGroup: '', resource: 'users' },
    { verbs: ['impersonate'], apiGroup: '', resource: 'groups' },
    { verbs: ['impersonate'], apiGroup: '', resource: 'serviceaccounts' },
    { verbs: ['impersonate'], apiGroup: 'authentication.k8s.io', resource: 'userextras/scopes' },
    { verbs: ['impersonate'], apiGroup: 'authentication.k8s.io', resource: 'uids' },
  ],
);
