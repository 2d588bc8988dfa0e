import { excludes, flagControl } from '../component-flag.js';
import { authorizationConfigured } from './authorization-config.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.6 · STIG V-242435 */
export const apiserverAuthorizationModeNotAlwaysAllow = flagControl({
  id: 'apiserver-authorization-mode-not-always-allow',
  title: 'The API server must not authorize every request (AlwaysAllow)',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expect: excludes('AlwaysAllow'),
  manualWhen: authorizationConfigured,
  fix: 'set --authorization-mode=Node,RBAC',
  rationale:
    'AlwaysAllow (the default when --authorization-mode is not set) lets every authenticated request do anything, including reading every Secret.',
  refs: [...cis('1.2.6'), ...stig('V-242435'), ...nsaCisa('rbac/enabled')],
});
