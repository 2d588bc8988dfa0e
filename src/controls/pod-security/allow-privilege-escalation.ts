import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { capabilitiesOf } from '../../evidence/capabilities.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const allowPrivilegeEscalation = perLinuxContainer(
  {
    id: 'allow-privilege-escalation',
    title: 'Containers must set allowPrivilegeEscalation: false',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'allowPrivilegeEscalation defaults to true: a process can gain more privileges than its parent through setuid binaries ' +
      'or file capabilities (no_new_privs is not set). A privileged container or one with CAP_SYS_ADMIN can always escalate, ' +
      'whatever the field says. Windows pods (spec.os.name: windows) are exempt, as in the Pod Security Standards.',
    remediation:
      'Set securityContext.allowPrivilegeEscalation: false on every container (and remove privileged: true and the SYS_ADMIN capability, which imply escalation).',
    refs: [...cis('5.2.6'), ...nsaCisa('pod-security/root-and-escalation'), ...pss('restricted', 'privilege-escalation'), ...cisEks('4.2.5')],
  },
  (container) => {
    const name = container.name;
    const privileged = container.securityContext('privileged');
    if (privileged?.value === true) {
      return fail(`container "${name}" is privileged, which always allows privilege escalation`, privileged.path);
    }
    const caps = capabilitiesOf(container);
    if (caps.add.includes('SYS_ADMIN') || caps.add.includes('ALL')) {
      return fail(`container "${name}" adds ${caps.add.includes('ALL') ? 'ALL capabilities' : 'CAP_SYS_ADMIN'}, which always allows privilege escalation`, caps.addPath);
    }
    const escalation = container.securityContext('allowPrivilegeEscalation');
    if (escalation?.value === false) return pass(`container "${name}" sets allowPrivilegeEscalation: false`, escalation.path);
    if (escalation) return fail(`container "${name}" sets allowPrivilegeEscalation: ${String(escalation.value)}`, escalation.path);
    return fail(`container "${name}" does not set allowPrivilegeEscalation, which defaults to true`, container.path);
  },
);
