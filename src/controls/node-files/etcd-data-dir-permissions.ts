import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const etcdDataDirPermissions = fileCheck({
  id: 'etcd-data-dir-permissions',
  title: 'The etcd data directory must have permissions 700 or more restrictive',
  severity: 'medium',
  rationale:
    'The etcd data directory holds every object of the cluster, Secrets included; only etcd may read or write it.',
  refs: [...cis('1.1.11')],
  roles: ['etcd-data-dir'],
  require: { mode: 0o700 },
  what: 'the etcd data directory (etcd --data-dir)',
});
