import { atLeast, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.21 (v1.7+), 1.2.20 (v1.8+), 1.2.19 (v1.9+) · STIG V-242462 */
export const apiserverAuditLogMaxsize = flagControl({
  id: 'apiserver-audit-log-maxsize',
  title: 'The API server must rotate audit logs at 100 MB or more',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-log-maxsize',
  expect: atLeast(100),
  fix: 'set --audit-log-maxsize=100 (megabytes, or more)',
  rationale:
    'Rotation by size keeps the audit log usable; CIS and the STIG ask for 100 MB at least.',
  refs: [...cis({ '1.7': '1.2.21', '1.8': '1.2.20', '1.9': '1.2.19' }), ...stig('V-242462'), ...nsaCisa('logging/audit-retention')],
});
