import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { capabilitiesOf } from '../../evidence/capabilities.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

export const capabilitiesNotDropped = perLinuxContainer(
  {
    id: 'capabilities-not-dropped',
    title: 'Containers must drop ALL capabilities',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'Containers start with the runtime\'s default capability set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW …). ' +
      'Most applications need none of them; dropping ALL and adding back only what is needed applies least privilege ' +
      '(CIS "Minimize the admission of containers with capabilities assigned").',
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] on every container, and add back only the capabilities it needs.',
    refs: [...cis({ '1.7': '5.2.10', '1.12': '5.2.9' }), ...nsaCisa('pod-security/capabilities')],
  },
  (container) => {
    const caps = capabilitiesOf(container);
    if (caps.drop.includes('ALL')) return pass(`container "${container.name}" drops ALL capabilities`, caps.dropPath);
    return fail(
      caps.drop.length > 0
        ? `container "${container.name}" drops only ${caps.drop.join(', ')}, not ALL`
        : `container "${container.name}" does not drop ALL capabilities`,
      caps.dropPath,
    );
  },
);
