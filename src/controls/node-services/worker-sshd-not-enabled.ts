import { stig } from '../../frameworks/refs.js';
import { workerServiceControl } from './worker-service.js';

export const workerSshdNotEnabled = workerServiceControl({
  id: 'worker-sshd-not-enabled',
  title: 'Kubernetes worker nodes must not have the sshd service enabled',
  severity: 'medium',
  rationale:
    'An enabled sshd starts again at the next boot; worker nodes are managed through Kubernetes, not through an SSH daemon.',
  remediation: 'Disable the service on the worker node: `systemctl disable sshd` (`ssh` on Debian/Ubuntu; also `ssh.socket` where socket-activated).',
  refs: [...stig('V-242394')],
  service: 'sshd',
  fact: 'enabled',
});
