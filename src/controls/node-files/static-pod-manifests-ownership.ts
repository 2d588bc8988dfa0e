import { stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const staticPodManifestsOwnership = fileCheck({
  id: 'static-pod-manifests-ownership',
  title: 'Every static pod manifest must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...stig('V-242405', 'V-242444')],
  roles: ['static-pod-manifests'],
  require: ROOT_OWNED,
  what: 'the files in the static pod manifest directory',
});
