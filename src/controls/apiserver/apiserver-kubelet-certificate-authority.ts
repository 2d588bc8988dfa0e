import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

/** CIS 1.2.5 */
export const apiserverKubeletCertificateAuthority = flagControl({
  id: 'apiserver-kubelet-certificate-authority',
  title: 'The API server must verify kubelet serving certificates',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'kubelet-certificate-authority',
  expect: present(),
  fix: "set --kubelet-certificate-authority to the CA that signs the kubelets' serving certificates",
  rationale:
    "Without it the API server does not verify the kubelet's certificate, so connections to kubelets (exec, logs, port-forward) can be intercepted by a man in the middle.",
  refs: [...cis('1.2.5'), ...nsaCisa('network/control-plane-tls', 'network/encryption-in-transit')],
});
