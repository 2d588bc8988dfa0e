import { cis } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const apiserverPodSpecOwnership = fileCheck({
  id: 'apiserver-pod-spec-ownership',
  title: 'The API server pod specification file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.2')],
  roles: ['pod-spec:kube-apiserver'],
  require: ROOT_OWNED,
  what: 'the API server pod specification file',
});
