import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.1 · STIG V-242428, V-242427 */
export const etcdCertFileKeyFile = flagControl({
  id: 'etcd-cert-file-key-file',
  title: 'etcd must serve clients over TLS',
  severity: 'medium',
  component: 'etcd',
  flag: ['cert-file', 'key-file'],
  expect: present(),
  fix: 'set --cert-file and --key-file (kubeadm: /etc/kubernetes/pki/etcd/server.crt and .key)',
  rationale:
    'etcd holds every object and Secret of the cluster; without a serving certificate its client traffic is plain text.',
  refs: [...cis('2.1'), ...stig('V-242428', 'V-242427'), ...nsaCisa('network/etcd-protection')],
});
