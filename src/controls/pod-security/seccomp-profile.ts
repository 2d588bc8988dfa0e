import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { effectiveSeccomp } from '../../evidence/seccomp.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

export const seccompProfile = perLinuxContainer(
  {
    id: 'seccomp-profile',
    title: 'Containers must run with the RuntimeDefault or a Localhost seccomp profile',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'Without a seccomp profile a container runs Unconfined (the kubelet default unless --seccomp-default is on) and can call ' +
      'every system call, including the rarely needed ones behind most kernel escapes. RuntimeDefault (docker/default in ' +
      'older texts) blocks them with no cost to ordinary applications. The legacy seccomp.security.alpha.kubernetes.io ' +
      'annotations are accepted as evidence, but kubelets from v1.27 ignore them.',
    remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a reviewed localhostProfile), and remove any Unconfined setting on containers.',
    refs: [...cis({ '1.7': '5.7.2', '1.11': '5.6.2' }), ...nsaCisa('pod-security/linux-security-modules')],
  },
  (container, workload) => {
    const setting = effectiveSeccomp(container, workload);
    const name = container.name;
    if (!setting) return fail(`container "${name}" has no seccomp profile (neither it nor the pod sets securityContext.seccompProfile), so it runs Unconfined`, container.path);
    const where = {
      container: 'securityContext.seccompProfile.type',
      pod: 'the pod\'s securityContext.seccompProfile.type',
      'container-annotation': 'the legacy container seccomp annotation (ignored by kubelets from v1.27)',
      'pod-annotation': 'the legacy pod seccomp annotation (ignored by kubelets from v1.27)',
    }[setting.source];
    if (!setting.confining) return fail(`container "${name}" runs with seccomp profile ${setting.value} from ${where}`, setting.path);
    return pass(`container "${name}" runs with seccomp profile ${setting.value} from ${where}`, setting.path);
  },
);
