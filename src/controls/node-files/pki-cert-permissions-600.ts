import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const pkiCertPermissions600 = fileCheck({
  id: 'pki-cert-permissions-600',
  title: 'Kubernetes PKI certificate files (*.crt) must have permissions 600 or more restrictive (CIS 1.7–1.10)',
  severity: 'medium',
  rationale:
    'CIS 1.7 to 1.10 ask for 600 on the PKI certificate files; CIS 1.11 relaxed this to 644 (pki-cert-permissions).',
  refs: [...cis({ '1.7': '1.1.20', '1.11': null })],
  roles: ['pki-certs'],
  require: { mode: 0o600 },
  what: 'the PKI certificate files (*.crt)',
});
