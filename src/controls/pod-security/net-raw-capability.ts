import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { capabilitiesOf, drops } from '../../evidence/capabilities.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

export const netRawCapability = perLinuxContainer(
  {
    id: 'net-raw-capability',
    title: 'Containers must drop the NET_RAW capability',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'Container runtimes such as Docker and containerd grant NET_RAW by default. It lets a process craft raw packets: ARP and ' +
      'DNS spoofing of other pods on the node, and a long history of kernel exploits. Few applications need it (ping does not, ' +
      'with net.ipv4.ping_group_range).',
    remediation: 'Add NET_RAW (or ALL) to securityContext.capabilities.drop, and remove it from capabilities.add.',
    refs: [...cis('5.2.8'), ...nsaCisa('pod-security/capabilities')],
  },
  (container) => {
    const name = container.name;
    const privileged = container.securityContext('privileged');
    if (privileged?.value === true) return fail(`container "${name}" is privileged and so has NET_RAW`, privileged.path);
    const caps = capabilitiesOf(container);
    if (caps.add.includes('NET_RAW') || caps.add.includes('ALL')) {
      return fail(`container "${name}" adds ${caps.add.includes('ALL') ? 'ALL capabilities' : 'NET_RAW'}`, caps.addPath);
    }
    if (drops(caps, 'NET_RAW')) return pass(`container "${name}" drops ${caps.drop.includes('ALL') ? 'ALL' : 'NET_RAW'}`, caps.dropPath);
    return fail(`container "${name}" does not drop NET_RAW, which the container runtime grants by default`, caps.dropPath);
  },
);
