import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

/** CIS 1.2.29 (v1.7+), 1.2.28 (v1.8+), 1.2.27 (v1.9+) */
export const apiserverEncryptionProviderConfig = flagControl({
  id: 'apiserver-encryption-provider-config',
  title: 'The API server must encrypt Secrets at rest',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'encryption-provider-config',
  expect: present(),
  fix: 'set --encryption-provider-config to an EncryptionConfiguration that encrypts secrets with kms, aescbc or secretbox',
  rationale:
    'Without encryption at rest every Secret is stored in etcd (and its backups) in plain text.',
  refs: [...cis({ '1.7': '1.2.29', '1.8': '1.2.28', '1.9': '1.2.27' }), ...nsaCisa('network/secrets-encryption-at-rest')],
});
