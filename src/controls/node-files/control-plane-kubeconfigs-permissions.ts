import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const controlPlaneKubeconfigsPermissions = fileCheck({
  id: 'control-plane-kubeconfigs-permissions',
  title: 'admin.conf, scheduler.conf and controller-manager.conf must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG limits the control-plane kubeconfig files to 644 (CIS asks for 600: see admin-kubeconfig-permissions and its siblings).',
  refs: [...stig('V-242460')],
  roles: ['admin-kubeconfig', 'scheduler-kubeconfig', 'controller-manager-kubeconfig'],
  require: { mode: 0o644 },
  what: 'the control-plane kubeconfig files',
});
