import { fail, pass, perContainer } from '../control.js';
import { isWindowsPod } from '../../evidence/pod-os.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

export const rootContainer = perContainer(
  {
    id: 'root-container',
    title: 'Containers must not run as root',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'A process running as UID 0 in a container is root on the node as soon as it escapes the container (no user namespace ' +
      'by default), and can modify everything in its own filesystem. Without runAsNonRoot: true or a non-zero runAsUser, the ' +
      'container runs as the image\'s USER, which is root for most images. runAsUser: 0 wins over runAsNonRoot: true (the ' +
      'kubelet then refuses to start the container), so it fails too. Pod-level settings apply to every container that does ' +
      'not override them. In Windows pods, windowsOptions.runAsUserName ContainerAdministrator counts as root.',
    remediation:
      'Set securityContext.runAsNonRoot: true and a non-zero runAsUser (e.g. 10001) on the pod or each container, and build the image with a non-root USER.',
    refs: [...cis('5.2.7'), ...nsaCisa('pod-security/non-root')],
  },
  (container, workload) => {
    const name = container.name;
    if (isWindowsPod(workload)) {
      // Windows has no UIDs: the account is windowsOptions.runAsUserName, and ContainerAdministrator is its root.
      const account = container.securityContext('windowsOptions', 'runAsUserName');
      if (typeof account?.value === 'string' && account.value.toLowerCase() === 'containeradministrator') {
        return fail(`Windows container "${name}" runs as ContainerAdministrator`, account.path);
      }
      if (typeof account?.value === 'string') return pass(`Windows container "${name}" runs as ${account.value}`, account.path);
    }
    const user = container.securityContext('runAsUser');
    const nonRoot = container.securityContext('runAsNonRoot');
    if (user !== undefined && Number(user.value) === 0) {
      return fail(`container "${name}" runs as root: runAsUser: 0${nonRoot?.value === true ? ' (runAsNonRoot: true does not change the UID; the kubelet refuses to start it)' : ''}`, user.path);
    }
    if (nonRoot?.value === true) return pass(`container "${name}" sets runAsNonRoot: true`, nonRoot.path);
    if (user !== undefined && Number(user.value) > 0) return pass(`container "${name}" runs as UID ${String(user.value)}`, user.path);
    if (nonRoot) return fail(`container "${name}" sets runAsNonRoot: ${String(nonRoot.value)} and no non-zero runAsUser: it runs as the image's user, root unless the image says otherwise`, nonRoot.path);
    return fail(`container "${name}" sets neither runAsNonRoot: true nor a non-zero runAsUser: it runs as the image's user, root unless the image says otherwise`, container.path);
  },
);
