import { flagControl, present } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.24 (v1.7+), 1.2.23 (v1.8+), 1.2.22 (v1.9+) */
export const apiserverServiceAccountKeyFile = flagControl({
  id: 'apiserver-service-account-key-file',
  title: 'The API server must verify service account tokens with an explicit key',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'service-account-key-file',
  expect: present(),
  fix: "set --service-account-key-file to the public key matching the controller manager's --service-account-private-key-file (kubeadm: /etc/kubernetes/pki/sa.pub)",
  rationale:
    'An explicit key pair lets service account signing keys be rotated; without it the API server falls back to its TLS key.',
  refs: [...cis({ '1.7': '1.2.24', '1.8': '1.2.23', '1.9': '1.2.22' })],
});
