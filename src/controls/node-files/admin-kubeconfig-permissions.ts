import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const adminKubeconfigPermissions = fileCheck({
  id: 'admin-kubeconfig-permissions',
  title: 'The administrative kubeconfig (admin.conf, super-admin.conf) must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'admin.conf (and super-admin.conf on kubeadm 1.29+) carries cluster-admin credentials: reading it is owning the cluster.',
  refs: [...cis('1.1.13')],
  roles: ['admin-kubeconfig'],
  require: { mode: 0o600 },
  what: 'the administrative kubeconfig files',
});
