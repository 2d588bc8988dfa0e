import { atLeast, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.20 (v1.7+), 1.2.19 (v1.8+), 1.2.18 (v1.9+) · STIG V-242463 */
export const apiserverAuditLogMaxbackup = flagControl({
  id: 'apiserver-audit-log-maxbackup',
  title: 'The API server must keep at least 10 rotated audit log files',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-log-maxbackup',
  expect: atLeast(10),
  fix: 'set --audit-log-maxbackup=10 (or more)',
  rationale:
    'Too few rotated files lose audit history early; CIS and the STIG ask for 10 at least.',
  refs: [...cis({ '1.7': '1.2.20', '1.8': '1.2.19', '1.9': '1.2.18' }), ...stig('V-242463'), ...nsaCisa('logging/audit-retention')],
});
