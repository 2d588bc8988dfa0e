import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const kubeletServiceFileOwnership = fileCheck({
  id: 'kubelet-service-file-ownership',
  title: 'The kubelet service file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('4.1.2'), ...stig('V-242454')],
  roles: ['kubelet-service'],
  require: ROOT_OWNED,
  what: 'the kubelet systemd unit and its drop-ins',
});
