import type { Control } from '../control.js';
import { etcdAutoTls } from './etcd-auto-tls.js';
import { etcdCertFileKeyFile } from './etcd-cert-file-key-file.js';
import { etcdClientCertAuth } from './etcd-client-cert-auth.js';
import { etcdPeerAutoTls } from './etcd-peer-auto-tls.js';
import { etcdPeerCertFileKeyFile } from './etcd-peer-cert-file-key-file.js';
import { etcdPeerClientCertAuth } from './etcd-peer-client-cert-auth.js';
import { etcdUniqueCa } from './etcd-unique-ca.js';

/** etcd component controls (CIS and STIG items on its flags and files), in report order. */
export const etcdControls: readonly Control[] = [
  etcdCertFileKeyFile,
  etcdClientCertAuth,
  etcdAutoTls,
  etcdPeerCertFileKeyFile,
  etcdPeerClientCertAuth,
  etcdPeerAutoTls,
  etcdUniqueCa,
];
