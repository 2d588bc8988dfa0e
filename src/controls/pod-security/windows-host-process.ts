import { fail, pass, perContainer } from '../control.js';
import { cis, pss } from '../../frameworks/refs.js';

export const windowsHostProcess = perContainer(
  {
    id: 'windows-host-process',
    title: 'Windows containers must not run as HostProcess',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A Windows HostProcess container runs directly on the host with the privileges of a host user (often SYSTEM), in the host ' +
      'network namespace: it is the Windows equivalent of a privileged container.',
    remediation: 'Remove securityContext.windowsOptions.hostProcess from the pod and its containers, or set it to false.',
    refs: [...cis({ '1.7': '5.2.11', '1.12': '5.2.10' }), ...pss('baseline', 'host-process')],
  },
  (container) => {
    const hostProcess = container.securityContext('windowsOptions', 'hostProcess');
    if (hostProcess?.value === true) return fail(`container "${container.name}" runs as a Windows HostProcess container (windowsOptions.hostProcess: true)`, hostProcess.path);
    return pass(`container "${container.name}" is not a HostProcess container`, hostProcess?.path ?? container.path);
  },
);
