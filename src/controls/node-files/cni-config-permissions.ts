import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const cniConfigPermissions = fileCheck({
  id: 'cni-config-permissions',
  title: 'Container Network Interface files must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'The CNI configuration decides how every pod is connected to the network; it must not be writable or readable by other users.',
  refs: [...cis('1.1.9')],
  roles: ['cni-config'],
  require: { mode: 0o600 },
  what: 'the CNI configuration files',
});
