import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const kubeletKubeconfigPermissions = fileCheck({
  id: 'kubelet-kubeconfig-permissions',
  title: 'The kubelet kubeconfig (kubelet.conf) must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'A kubeconfig holds credentials; whoever can read it can act with those credentials against the API server.',
  refs: [...cis('4.1.5')],
  roles: ['kubelet-kubeconfig'],
  require: { mode: 0o600 },
  what: 'the kubelet kubeconfig (--kubeconfig)',
});
