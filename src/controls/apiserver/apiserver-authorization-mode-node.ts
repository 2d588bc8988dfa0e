import { flagControl, includes } from '../component-flag.js';
import { authorizationConfigured } from './authorization-config.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.7 · STIG V-242382 */
export const apiserverAuthorizationModeNode = flagControl({
  id: 'apiserver-authorization-mode-node',
  title: 'The API server authorization modes must include Node',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expect: includes('Node'),
  manualWhen: authorizationConfigured,
  fix: 'set --authorization-mode=Node,RBAC',
  rationale:
    'The Node authorizer limits each kubelet to the objects of the Pods bound to its own node; without it a compromised node can read every Secret the RBAC rules for nodes allow.',
  refs: [...cis('1.2.7'), ...stig('V-242382'), ...nsaCisa('rbac/enabled')],
});
