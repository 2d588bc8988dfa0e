import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const schedulerPodSpecPermissions = fileCheck({
  id: 'scheduler-pod-spec-permissions',
  title: 'The scheduler pod specification file must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'The pod specification file defines how the component runs (its flags, mounts and image); whoever can write it controls the cluster, and whoever can read it learns its configuration.',
  refs: [...cis('1.1.5')],
  roles: ['pod-spec:kube-scheduler'],
  require: { mode: 0o600 },
  what: 'the scheduler pod specification file',
});
