import { requestsAndLimits } from '../resources-template.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const cpuRequestsLimits = requestsAndLimits(
  {
    id: 'cpu-requests-limits',
    title: 'Containers must declare CPU requests and limits',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'Without a CPU request the scheduler places the pod blind and it gets the smallest share under contention; without a ' +
      'limit one compromised or runaway container can take every core of the node from its neighbours (NSA/CISA ' +
      '"Resource policies"). A namespace LimitRange may supply defaults the manifest does not show.',
    remediation: 'Set resources.requests.cpu and resources.limits.cpu on every container and init container (e.g. requests 100m, limits 500m).',
    refs: [...nsaCisa('network/container-limits')],
  },
  'cpu',
);
