import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.25 (v1.7+), 1.2.24 (v1.8+), 1.2.23 (v1.9+) · STIG V-242430, V-242431 */
export const apiserverEtcdCertfileKeyfile = flagControl({
  id: 'apiserver-etcd-certfile-keyfile',
  title: 'The API server must authenticate to etcd with a client certificate',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: ['etcd-certfile', 'etcd-keyfile'],
  expect: present(),
  fix: 'set --etcd-certfile and --etcd-keyfile (kubeadm: /etc/kubernetes/pki/apiserver-etcd-client.crt and .key)',
  rationale:
    'etcd holds every object and Secret of the cluster; it must only accept clients that present a certificate, and the API server must have one.',
  refs: [...cis({ '1.7': '1.2.25', '1.8': '1.2.24', '1.9': '1.2.23' }), ...stig('V-242430', 'V-242431'), ...nsaCisa('network/control-plane-tls', 'network/etcd-protection')],
});
