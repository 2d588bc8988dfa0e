import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const proxyKubeconfigPermissions644 = fileCheck({
  id: 'proxy-kubeconfig-permissions-644',
  title: 'The kube-proxy kubeconfig must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG limits the kube-proxy kubeconfig to 644; CIS asks for 600 (proxy-kubeconfig-permissions).',
  refs: [...stig('V-242447')],
  roles: ['proxy-kubeconfig'],
  require: { mode: 0o644 },
  what: 'the kube-proxy kubeconfig',
});
