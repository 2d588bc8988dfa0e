import { flagControl, present } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.3.4 */
export const controllerManagerServiceAccountPrivateKeyFile = flagControl({
  id: 'controller-manager-service-account-private-key-file',
  title: 'The controller manager must sign service account tokens with an explicit key',
  severity: 'medium',
  component: 'kube-controller-manager',
  flag: 'service-account-private-key-file',
  expect: present(),
  fix: 'set --service-account-private-key-file (kubeadm: /etc/kubernetes/pki/sa.key)',
  rationale:
    'An explicit signing key lets service account keys be rotated independently of TLS keys.',
  refs: [...cis('1.3.4')],
});
