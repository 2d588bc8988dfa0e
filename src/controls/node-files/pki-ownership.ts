import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const pkiOwnership = fileCheck({
  id: 'pki-ownership',
  title: 'The Kubernetes PKI directory and every file in it must be owned by root:root',
  severity: 'medium',
  rationale:
    'The PKI directory holds the cluster certificate authorities and private keys; any other owner could replace or read them.',
  refs: [...cis('1.1.19'), ...stig('V-242451')],
  roles: ['pki-tree'],
  require: ROOT_OWNED,
  what: 'the PKI directory and its files',
});
