import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { usesUserNamespace } from '../../evidence/user-namespace.js';
import { pss } from '../../frameworks/refs.js';

export const procMount = perLinuxContainer(
  {
    id: 'proc-mount',
    title: 'Containers must keep the default masked /proc mount',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The runtime masks and makes read-only sensitive /proc paths (/proc/kcore, /proc/sys, /proc/sysrq-trigger …). ' +
      'procMount: Unmasked removes that protection. The Pod Security Standards allow only Default (baseline and restricted; ' +
      'from v1.35 baseline relaxes this for pods in a user namespace, restricted does not).',
    remediation: 'Remove securityContext.procMount or set it to Default.',
    refs: [...pss('baseline', 'proc-mount'), ...pss('restricted', 'proc-mount')],
  },
  (container, workload) => {
    const mount = container.securityContext('procMount');
    if (mount && mount.value !== 'Default') return fail(`container "${container.name}" sets procMount: ${String(mount.value)}${usesUserNamespace(workload) ? ' (with hostUsers: false, Pod Security Admission v1.35+ accepts this at baseline but not at restricted)' : ''}`, mount.path);
    return pass(`container "${container.name}" uses the default /proc mount`, mount?.path ?? container.path);
  },
);
