import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const adminKubeconfigOwnership = fileCheck({
  id: 'admin-kubeconfig-ownership',
  title: 'The administrative kubeconfig (admin.conf, super-admin.conf) must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.14'), ...stig('V-242446')],
  roles: ['admin-kubeconfig'],
  require: ROOT_OWNED,
  what: 'the administrative kubeconfig files',
});
