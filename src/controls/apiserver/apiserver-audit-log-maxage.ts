import { atLeast, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.19 (v1.7+), 1.2.18 (v1.8+), 1.2.17 (v1.9+) · STIG V-242464 */
export const apiserverAuditLogMaxage = flagControl({
  id: 'apiserver-audit-log-maxage',
  title: 'The API server must keep audit logs for at least 30 days',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-log-maxage',
  expect: atLeast(30),
  fix: 'set --audit-log-maxage=30 (or more, as your retention policy requires)',
  rationale:
    'Audit records must be kept long enough to investigate an incident; CIS asks for 30 days at least.',
  refs: [...cis({ '1.7': '1.2.19', '1.8': '1.2.18', '1.9': '1.2.17' }), ...stig('V-242464'), ...nsaCisa('logging/audit-retention')],
});
