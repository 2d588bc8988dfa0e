import { stig } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const etcdDataFilesPermissions = fileCheck({
  id: 'etcd-data-files-permissions',
  title: 'The files in the etcd data directory must have permissions 644 or more restrictive',
  severity: 'medium',
  rationale:
    'The STIG requires every entry of the etcd data directory to be no more permissive than 644 (a directory may also be searched where it may be read).',
  refs: [...stig('V-242459')],
  roles: ['etcd-data-entries'],
  require: { mode: 0o644 },
  what: 'the entries of the etcd data directory',
});
