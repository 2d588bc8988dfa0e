import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const kubeletKubeconfigOwnership = fileCheck({
  id: 'kubelet-kubeconfig-ownership',
  title: 'The kubelet kubeconfig (kubelet.conf) must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('4.1.6'), ...stig('V-242453'), ...cisEks('3.1.2')],
  roles: ['kubelet-kubeconfig'],
  require: ROOT_OWNED,
  what: 'the kubelet kubeconfig (--kubeconfig)',
});
