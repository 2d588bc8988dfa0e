import { stig } from '../../frameworks/refs.js';
import { workerServiceControl } from './worker-service.js';

export const workerSshdNotRunning = workerServiceControl({
  id: 'worker-sshd-not-running',
  title: 'Kubernetes worker nodes must not have the sshd service running',
  severity: 'medium',
  rationale:
    'Worker nodes are managed through Kubernetes; an SSH daemon is a second, unaudited way in that bypasses the API server\'s authentication, authorization and audit.',
  remediation: 'Stop the service on the worker node: `systemctl stop sshd` (`ssh` on Debian/Ubuntu).',
  refs: [...stig('V-242393')],
  service: 'sshd',
  fact: 'running',
});
