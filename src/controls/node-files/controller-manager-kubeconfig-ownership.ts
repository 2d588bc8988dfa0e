import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const controllerManagerKubeconfigOwnership = fileCheck({
  id: 'controller-manager-kubeconfig-ownership',
  title: 'controller-manager.conf must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.18'), ...stig('V-242446')],
  roles: ['controller-manager-kubeconfig'],
  require: ROOT_OWNED,
  what: 'the controller manager kubeconfig (controller-manager.conf)',
});
