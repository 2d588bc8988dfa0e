import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.4 · STIG V-242432, V-242433 */
export const etcdPeerCertFileKeyFile = flagControl({
  id: 'etcd-peer-cert-file-key-file',
  title: 'etcd must encrypt peer traffic',
  severity: 'medium',
  component: 'etcd',
  flag: ['peer-cert-file', 'peer-key-file'],
  expect: present(),
  fix: 'set --peer-cert-file and --peer-key-file (kubeadm: /etc/kubernetes/pki/etcd/peer.crt and .key)',
  rationale:
    'Replication traffic between etcd members carries the whole cluster state; without peer certificates it is plain text.',
  refs: [...cis('2.4'), ...stig('V-242432', 'V-242433'), ...nsaCisa('network/etcd-protection')],
});
