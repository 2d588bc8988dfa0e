import { flagControl, includes } from '../component-flag.js';
import { authorizationConfigured } from './authorization-config.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.8 · STIG V-242382 */
export const apiserverAuthorizationModeRbac = flagControl({
  id: 'apiserver-authorization-mode-rbac',
  title: 'The API server authorization modes must include RBAC',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expect: includes('RBAC'),
  manualWhen: authorizationConfigured,
  fix: 'set --authorization-mode=Node,RBAC',
  rationale:
    'RBAC is how least privilege is expressed in Kubernetes; without it Roles and RoleBindings are ignored.',
  refs: [...cis('1.2.8'), ...stig('V-242382'), ...nsaCisa('rbac/enabled')],
});
