import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const staticPodManifestsPermissions = fileCheck({
  id: 'static-pod-manifests-permissions',
  title: 'Every static pod manifest must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The kubelet runs whatever the static pod manifests say; the STIG requires every manifest to be no more permissive than 644.',
  refs: [...stig('V-242408', 'V-242458')],
  roles: ['static-pod-manifests'],
  require: { mode: 0o644 },
  what: 'the files in the static pod manifest directory',
});
