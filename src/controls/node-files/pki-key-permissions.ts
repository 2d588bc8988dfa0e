import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const pkiKeyPermissions = fileCheck({
  id: 'pki-key-permissions',
  title: 'Kubernetes PKI key files (*.key) must have permissions 600',
  severity: 'medium',
  rationale:
    'A private key readable by another user lets that user impersonate the component or sign certificates.',
  refs: [...cis('1.1.21'), ...stig('V-242467')],
  roles: ['pki-keys'],
  require: { mode: 0o600 },
  what: 'the PKI private key files (*.key)',
});
