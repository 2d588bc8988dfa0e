import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { capabilitiesOf } from '../../evidence/capabilities.js';
import { pss } from '../../frameworks/refs.js';

export const pssRestrictedCapabilities = perLinuxContainer(
  {
    id: 'pss-restricted-capabilities',
    title: 'Pod Security Standards restricted: drop ALL capabilities, add back only NET_BIND_SERVICE',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The restricted profile requires every container to drop ALL capabilities and allows adding back only NET_BIND_SERVICE, ' +
      'both spelled exactly so. ' +
      'Windows pods (spec.os.name: windows) are exempt since Kubernetes v1.25.',
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] and remove every capability other than NET_BIND_SERVICE from capabilities.add.',
    refs: [...pss('restricted', 'capabilities')],
  },
  (container) => {
    // Pod Security Admission compares the names as written: "all" or "CAP_NET_BIND_SERVICE" do not count.
    const caps = capabilitiesOf(container);
    const extra = caps.addRaw.filter((c) => c !== 'NET_BIND_SERVICE');
    if (extra.length > 0) return fail(`container "${container.name}" adds ${extra.join(', ')}`, caps.addPath);
    if (!caps.dropRaw.includes('ALL')) {
      const spelled = caps.drop.includes('ALL') ? ' (spelled other than "ALL", which Pod Security Admission does not accept)' : '';
      return fail(`container "${container.name}" does not drop ALL capabilities${spelled}`, caps.dropPath);
    }
    return pass(`container "${container.name}" drops ALL${caps.add.length ? ' and adds back only NET_BIND_SERVICE' : ''}`, caps.dropPath);
  },
);
