import { stig } from '../../frameworks/refs.js';
import { fileCheck, ETCD_OWNED } from './file-check.js';

export const etcdDataFilesOwnership = fileCheck({
  id: 'etcd-data-files-ownership',
  title: 'The files in the etcd data directory must be owned by etcd:etcd',
  severity: 'medium',
  rationale:
    'The STIG requires the etcd data to belong to the etcd user and group.',
  refs: [...stig('V-242445')],
  roles: ['etcd-data-entries'],
  require: ETCD_OWNED,
  what: 'the entries of the etcd data directory',
});
