import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.27 (v1.7+), 1.2.26 (v1.8+), 1.2.25 (v1.9+) · STIG V-242419 */
export const apiserverClientCaFile = flagControl({
  id: 'apiserver-client-ca-file',
  title: 'The API server must verify client certificates against a CA',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'client-ca-file',
  expect: present(),
  fix: 'set --client-ca-file (kubeadm: /etc/kubernetes/pki/ca.crt)',
  rationale:
    'Without a client CA the API server cannot authenticate clients (kubelets, controllers, administrators) by certificate.',
  refs: [...cis({ '1.7': '1.2.27', '1.8': '1.2.26', '1.9': '1.2.25' }), ...stig('V-242419'), ...nsaCisa('network/control-plane-tls')],
});
