import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const proxyKubeconfigPermissions = fileCheck({
  id: 'proxy-kubeconfig-permissions',
  title: 'If the kube-proxy kubeconfig file exists, it must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'A kubeconfig holds credentials; whoever can read it can act with those credentials against the API server.',
  refs: [...cis('4.1.3')],
  roles: ['proxy-kubeconfig'],
  require: { mode: 0o600 },
  what: 'the kube-proxy kubeconfig',
});
