import { cisEks } from '../../frameworks/cis-eks.js';
import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletKubeconfigPermissions644 = fileCheck({
  id: 'kubelet-kubeconfig-permissions-644',
  title: 'The kubelet kubeconfig (kubelet.conf) must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG limits kubelet.conf to 644; CIS asks for 600 (kubelet-kubeconfig-permissions).',
  refs: [...stig('V-242452'), ...cisEks('3.1.1')],
  roles: ['kubelet-kubeconfig'],
  require: { mode: 0o644 },
  what: 'the kubelet kubeconfig (--kubeconfig)',
});
