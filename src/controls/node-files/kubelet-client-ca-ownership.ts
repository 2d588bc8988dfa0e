import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const kubeletClientCaOwnership = fileCheck({
  id: 'kubelet-client-ca-ownership',
  title: 'The kubelet client certificate authority file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('4.1.8'), ...stig('V-242450')],
  roles: ['kubelet-client-ca'],
  require: ROOT_OWNED,
  what: 'the kubelet client CA file (clientCAFile)',
});
