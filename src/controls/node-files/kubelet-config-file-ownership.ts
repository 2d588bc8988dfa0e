import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const kubeletConfigFileOwnership = fileCheck({
  id: 'kubelet-config-file-ownership',
  title: 'If the kubelet config file is used, it must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('4.1.10'), ...stig('V-242406', 'V-242457'), ...cisEks('3.1.4')],
  roles: ['kubelet-config'],
  require: ROOT_OWNED,
  what: 'the kubelet config file (--config) and its drop-ins',
});
