import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const proxyKubeconfigOwnership = fileCheck({
  id: 'proxy-kubeconfig-ownership',
  title: 'If the kube-proxy kubeconfig file exists, it must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('4.1.4'), ...stig('V-242448')],
  roles: ['proxy-kubeconfig'],
  require: ROOT_OWNED,
  what: 'the kube-proxy kubeconfig',
});
