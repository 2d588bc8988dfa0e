import { fail, pass, perContainer } from '../control.js';
import { capabilitiesOf, DEFAULT_CAPABILITIES } from '../../evidence/capabilities.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';

export const addedCapabilities = perContainer(
  {
    id: 'added-capabilities',
    title: 'Containers must not add capabilities beyond the runtime default set',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'Capabilities such as SYS_ADMIN, SYS_PTRACE, SYS_MODULE, NET_ADMIN, NET_RAW, DAC_READ_SEARCH or BPF give a container ' +
      'root powers over the node kernel; several are direct escape routes. The Pod Security Standards (baseline) allow adding ' +
      'back only capabilities of the container runtime\'s default set: ' + DEFAULT_CAPABILITIES.join(', ') + '. ' +
      'CIS 1.12 dropped this item; its successor is "capabilities assigned" (capabilities-not-dropped).',
    remediation: 'Remove the listed capabilities from securityContext.capabilities.add; grant what the application really needs through a narrower mechanism.',
    refs: [...cis({ '1.7': '5.2.9', '1.12': null }), ...nsaCisa('pod-security/capabilities'), ...pss('baseline', 'capabilities')],
  },
  (container) => {
    const caps = capabilitiesOf(container);
    const beyond = caps.add.filter((c) => !DEFAULT_CAPABILITIES.includes(c));
    if (beyond.length > 0) return fail(`container "${container.name}" adds ${beyond.join(', ')}`, caps.addPath);
    // Pod Security Admission compares the names as written: cap_chown is not CHOWN to it.
    const misspelled = caps.addRaw.filter((c) => !DEFAULT_CAPABILITIES.includes(c));
    if (misspelled.length > 0) {
      return fail(`container "${container.name}" adds ${misspelled.join(', ')}: default-set capabilities, but Pod Security Admission accepts only their canonical names`, caps.addPath);
    }
    return pass(
      caps.add.length > 0
        ? `container "${container.name}" adds only default-set capabilities (${caps.add.join(', ')})`
        : `container "${container.name}" adds no capabilities`,
      caps.addPath,
    );
  },
);
