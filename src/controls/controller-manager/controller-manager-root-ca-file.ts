import { flagControl, present } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.3.5 · STIG V-242421 */
export const controllerManagerRootCaFile = flagControl({
  id: 'controller-manager-root-ca-file',
  title: 'The controller manager must give Pods the cluster CA',
  severity: 'medium',
  component: 'kube-controller-manager',
  flag: 'root-ca-file',
  expect: present(),
  fix: 'set --root-ca-file (kubeadm: /etc/kubernetes/pki/ca.crt)',
  rationale:
    "Pods verify the API server's certificate with the CA placed in their service account volume; without it they cannot detect a man in the middle.",
  refs: [...cis('1.3.5'), ...stig('V-242421'), ...nsaCisa('network/control-plane-tls')],
});
