import { fail, pass, perContainer } from '../control.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';

export const privilegedContainer = perContainer(
  {
    id: 'privileged-container',
    title: 'Containers must not run privileged',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A privileged container has every capability and access to all host devices; escaping to the node is trivial.',
    remediation: 'Remove securityContext.privileged from the container, or set it to false.',
    refs: [
      ...cis('5.2.2'),
      ...nsaCisa('pod-security/privileged'),
      ...pss('baseline', 'privileged'),
    ],
  },
  (container) => {
    const privileged = container.securityContext('privileged');
    if (privileged?.value === true) {
      return fail(`container "${container.name}" sets securityContext.privileged: true`, privileged.path);
    }
    return pass(`container "${container.name}" is not privileged`, privileged?.path ?? container.path);
  },
);
