import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 3.2.1 · STIG V-242401, V-242461, V-242403 */
export const apiserverAuditPolicyFile = flagControl({
  id: 'apiserver-audit-policy-file',
  title: 'The API server must have an audit policy',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-policy-file',
  expect: present(),
  fix: 'set --audit-policy-file to an audit Policy (and --audit-log-path)',
  rationale:
    'Without an audit policy the API server records no audit events at all, whatever --audit-log-path says.',
  refs: [...cis('3.2.1'), ...stig('V-242401', 'V-242461', 'V-242403'), ...nsaCisa('logging/audit-enabled', 'logging/audit-policy')],
});
