import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.4 · STIG V-245544 */
export const apiserverKubeletClientCertKey = flagControl({
  id: 'apiserver-kubelet-client-cert-key',
  title: 'The API server must authenticate to kubelets with a client certificate',
  severity: 'high',
  component: 'kube-apiserver',
  flag: ['kubelet-client-certificate', 'kubelet-client-key'],
  expect: present(),
  fix: "set --kubelet-client-certificate and --kubelet-client-key to the API server's kubelet client certificate and key (kubeadm: /etc/kubernetes/pki/apiserver-kubelet-client.crt and .key)",
  rationale:
    'The kubelet API runs commands in containers and reads logs; without a client certificate the API server cannot authenticate to kubelets that (correctly) refuse anonymous requests, which pushes operators to open them.',
  refs: [...cis('1.2.4'), ...stig('V-245544'), ...nsaCisa('network/control-plane-tls', 'network/encryption-in-transit')],
});
