import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const controllerManagerPodSpecPermissions = fileCheck({
  id: 'controller-manager-pod-spec-permissions',
  title: 'The controller manager pod specification file must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'The pod specification file defines how the component runs (its flags, mounts and image); whoever can write it controls the cluster, and whoever can read it learns its configuration.',
  refs: [...cis('1.1.3')],
  roles: ['pod-spec:kube-controller-manager'],
  require: { mode: 0o600 },
  what: 'the controller manager pod specification file',
});
