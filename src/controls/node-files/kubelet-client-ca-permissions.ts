import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletClientCaPermissions = fileCheck({
  id: 'kubelet-client-ca-permissions',
  title: 'The kubelet client certificate authority file must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The client CA file decides which client certificates the kubelet trusts; a writable one lets a user add their own CA. CIS 1.11+ and the STIG allow 644.',
  refs: [...cis({ '1.11': '4.1.7' }), ...stig('V-242449')],
  roles: ['kubelet-client-ca'],
  require: { mode: 0o644 },
  what: 'the kubelet client CA file (clientCAFile)',
});
