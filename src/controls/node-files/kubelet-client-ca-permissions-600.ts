import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletClientCaPermissions600 = fileCheck({
  id: 'kubelet-client-ca-permissions-600',
  title: 'The kubelet client certificate authority file must have permissions 600 or more restrictive (CIS 1.7–1.10)',
  severity: 'medium',
  rationale:
    'CIS 1.7 to 1.10 ask for 600 on the client CA file; CIS 1.11 relaxed this to 644 (kubelet-client-ca-permissions).',
  refs: [...cis({ '1.7': '4.1.7', '1.11': null })],
  roles: ['kubelet-client-ca'],
  require: { mode: 0o600 },
  what: 'the kubelet client CA file (clientCAFile)',
});
