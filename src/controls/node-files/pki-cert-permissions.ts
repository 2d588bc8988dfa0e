import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const pkiCertPermissions = fileCheck({
  id: 'pki-cert-permissions',
  title: 'Kubernetes PKI certificate files (*.crt) must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'Certificates are public but must not be writable by anyone but root: a replaced CA certificate changes whom the cluster trusts. CIS 1.11+ and the STIG allow 644.',
  refs: [...cis({ '1.11': '1.1.20' }), ...stig('V-242466')],
  roles: ['pki-certs'],
  require: { mode: 0o644 },
  what: 'the PKI certificate files (*.crt)',
});
