import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const controllerManagerKubeconfigPermissions = fileCheck({
  id: 'controller-manager-kubeconfig-permissions',
  title: 'controller-manager.conf must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'A kubeconfig holds credentials; whoever can read it can act with those credentials against the API server.',
  refs: [...cis('1.1.17')],
  roles: ['controller-manager-kubeconfig'],
  require: { mode: 0o600 },
  what: 'the controller manager kubeconfig (controller-manager.conf)',
});
