import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const apiserverPodSpecPermissions = fileCheck({
  id: 'apiserver-pod-spec-permissions',
  title: 'The API server pod specification file must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'The pod specification file defines how the component runs (its flags, mounts and image); whoever can write it controls the cluster, and whoever can read it learns its configuration.',
  refs: [...cis('1.1.1')],
  roles: ['pod-spec:kube-apiserver'],
  require: { mode: 0o600 },
  what: 'the API server pod specification file',
});
