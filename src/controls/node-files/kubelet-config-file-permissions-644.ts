import { cisEks } from '../../frameworks/cis-eks.js';
import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletConfigFilePermissions644 = fileCheck({
  id: 'kubelet-config-file-permissions-644',
  title: 'The kubelet configuration files must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG limits the kubelet configuration files to 644; CIS asks for 600 (kubelet-config-file-permissions).',
  refs: [...stig('V-242407', 'V-242456'), ...cisEks('3.1.3')],
  roles: ['kubelet-config'],
  require: { mode: 0o644 },
  what: 'the kubelet config file (--config) and its drop-ins',
});
