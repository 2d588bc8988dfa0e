import { cis } from '../../frameworks/refs.js';
import { fileCheck, ETCD_OWNED } from './file-check.js';

export const etcdDataDirOwnership = fileCheck({
  id: 'etcd-data-dir-ownership',
  title: 'The etcd data directory must be owned by etcd:etcd',
  severity: 'medium',
  rationale:
    'The etcd data directory holds every object of the cluster; it must belong to the etcd user and group, so that etcd can run without root and nobody else owns the data.',
  refs: [...cis('1.1.12')],
  roles: ['etcd-data-dir'],
  require: ETCD_OWNED,
  what: 'the etcd data directory (etcd --data-dir)',
});
