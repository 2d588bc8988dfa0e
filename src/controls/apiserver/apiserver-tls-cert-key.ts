import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.26 (v1.7+), 1.2.25 (v1.8+), 1.2.24 (v1.9+) · STIG V-242422 */
export const apiserverTlsCertKey = flagControl({
  id: 'apiserver-tls-cert-key',
  title: 'The API server must serve with an explicit TLS certificate',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: ['tls-cert-file', 'tls-private-key-file'],
  expect: present(),
  fix: 'set --tls-cert-file and --tls-private-key-file (kubeadm: /etc/kubernetes/pki/apiserver.crt and .key)',
  rationale:
    'Without them the API server generates a self-signed certificate that clients cannot verify.',
  refs: [...cis({ '1.7': '1.2.26', '1.8': '1.2.25', '1.9': '1.2.24' }), ...stig('V-242422'), ...nsaCisa('network/control-plane-tls')],
});
