import { cis } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacCreateServiceAccountToken = principalsWithAccess(
  {
    id: 'rbac-create-service-account-token',
    title: 'Minimize access to service account token creation',
    severity: 'high',
    family: 'rbac',
    rationale:
      'create on serviceaccounts/token mints tokens for service accounts, and so holds every permission those service accounts have.',
    remediation: 'Remove create on serviceaccounts/token from the roles bound to this subject.',
    refs: [...cis('5.1.13')],
  },
  'create service account tokens',
  [{ verbs: ['create'], apiGroup: '', resource: 'serviceaccounts/token' }],
);
