import { cis, nsaCisa } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacSecretsAccess = principalsWithAccess(
  {
    id: 'rbac-secrets-access',
    title: 'Minimize access to secrets (get, list, watch)',
    severity: 'high',
    family: 'rbac',
    rationale:
      'Reading Secrets exposes credentials, including service account tokens of more privileged identities; list and watch return every Secret of a namespace with its data.',
    remediation:
      'Remove get, list and watch on secrets from the Roles and ClusterRoles bound to this subject, or limit them with resourceNames to the Secrets it needs.',
    refs: [...cis('5.1.2'), ...nsaCisa('network/secrets-access', 'rbac/least-privilege')],
  },
  'get/list/watch secrets',
  [{ verbs: ['get', 'list', 'watch'], apiGroup: '', resource: 'secrets' }],
);
