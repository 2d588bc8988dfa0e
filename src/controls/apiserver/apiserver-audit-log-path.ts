import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.18 (v1.7+), 1.2.17 (v1.8+), 1.2.16 (v1.9+) · STIG V-242402, V-242465 */
export const apiserverAuditLogPath = flagControl({
  id: 'apiserver-audit-log-path',
  title: 'The API server must write an audit log',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-log-path',
  expect: present(),
  fix: 'set --audit-log-path (e.g. /var/log/kubernetes/audit/audit.log, with a hostPath volume for it) and --audit-policy-file',
  rationale:
    'Without an audit log there is no record of who did what in the cluster, for incident response or for accountability.',
  refs: [...cis({ '1.7': '1.2.18', '1.8': '1.2.17', '1.9': '1.2.16' }), ...stig('V-242402', 'V-242465'), ...nsaCisa('logging/audit-enabled')],
});
