import { cis } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const etcdPodSpecOwnership = fileCheck({
  id: 'etcd-pod-spec-ownership',
  title: 'The etcd pod specification file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.8')],
  roles: ['pod-spec:etcd'],
  require: ROOT_OWNED,
  what: 'the etcd pod specification file',
});
