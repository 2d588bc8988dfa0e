import { cis } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const controllerManagerPodSpecOwnership = fileCheck({
  id: 'controller-manager-pod-spec-ownership',
  title: 'The controller manager pod specification file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.4')],
  roles: ['pod-spec:kube-controller-manager'],
  require: ROOT_OWNED,
  what: 'the controller manager pod specification file',
});
