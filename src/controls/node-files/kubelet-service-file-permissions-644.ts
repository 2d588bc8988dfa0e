import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletServiceFilePermissions644 = fileCheck({
  id: 'kubelet-service-file-permissions-644',
  title: 'The kubelet service files (kubeadm.conf) must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG limits kubeadm.conf (the kubelet drop-in) to 644; CIS asks for 600 (kubelet-service-file-permissions).',
  refs: [...stig('V-242455')],
  roles: ['kubelet-service'],
  require: { mode: 0o644 },
  what: 'the kubelet systemd unit and its drop-ins (10-kubeadm.conf)',
});
