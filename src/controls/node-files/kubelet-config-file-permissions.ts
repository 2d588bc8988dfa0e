import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletConfigFilePermissions = fileCheck({
  id: 'kubelet-config-file-permissions',
  title: 'If the kubelet config file is used, it must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'The kubelet config file sets its authentication, authorization and TLS; a writable one lets a user switch them off.',
  refs: [...cis('4.1.9')],
  roles: ['kubelet-config'],
  require: { mode: 0o600 },
  what: 'the kubelet config file (--config) and its drop-ins',
});
