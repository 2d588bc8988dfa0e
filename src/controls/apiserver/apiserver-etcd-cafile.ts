import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.28 (v1.7+), 1.2.27 (v1.8+), 1.2.26 (v1.9+) · STIG V-242429 */
export const apiserverEtcdCafile = flagControl({
  id: 'apiserver-etcd-cafile',
  title: "The API server must verify etcd's certificate",
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'etcd-cafile',
  expect: present(),
  fix: 'set --etcd-cafile (kubeadm: /etc/kubernetes/pki/etcd/ca.crt)',
  rationale:
    'Without the etcd CA the API server cannot verify that it talks to the real etcd.',
  refs: [...cis({ '1.7': '1.2.28', '1.8': '1.2.27', '1.9': '1.2.26' }), ...stig('V-242429'), ...nsaCisa('network/control-plane-tls', 'network/etcd-protection')],
});
