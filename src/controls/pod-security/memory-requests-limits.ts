import { requestsAndLimits } from '../resources-template.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const memoryRequestsLimits = requestsAndLimits(
  {
    id: 'memory-requests-limits',
    title: 'Containers must declare memory requests and limits',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'Without a memory limit one leaking or malicious container can exhaust the node\'s memory and get other pods (and node ' +
      'daemons) OOM-killed; without a request the scheduler overcommits the node (NSA/CISA "Resource policies"). A namespace ' +
      'LimitRange may supply defaults the manifest does not show.',
    remediation: 'Set resources.requests.memory and resources.limits.memory on every container and init container (e.g. 128Mi / 256Mi).',
    refs: [...nsaCisa('network/container-limits')],
  },
  'memory',
);
