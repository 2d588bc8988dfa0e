import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletServiceFilePermissions = fileCheck({
  id: 'kubelet-service-file-permissions',
  title: 'The kubelet service file must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    "The kubelet service file sets the kubelet's flags; a writable one lets a user reconfigure the kubelet.",
  refs: [...cis('4.1.1')],
  roles: ['kubelet-service'],
  require: { mode: 0o600 },
  what: 'the kubelet systemd unit and its drop-ins',
});
