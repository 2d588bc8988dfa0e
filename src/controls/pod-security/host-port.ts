import { asArray, isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { cis, nsaCisa, pss, stig } from '../../frameworks/refs.js';

export const hostPort = perContainer(
  {
    id: 'host-port',
    title: 'Containers must not bind host ports',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'A hostPort opens a port on the node\'s own addresses, bypassing Services and NetworkPolicies that select pods, and ' +
      'limits where the pod can be scheduled. Ports below 1024 are privileged host ports (DISA STIG V-242414). The Pod ' +
      'Security Standards (baseline) allow only 0 or an unset hostPort.',
    remediation: 'Remove ports[].hostPort and expose the container through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
    refs: [
      ...cis({ '1.7': '5.2.13', '1.12': '5.2.12' }),
      ...stig('V-242414'),
      ...nsaCisa('pod-security/host-ports'),
      ...pss('baseline', 'host-ports'),
    ],
  },
  (container) => {
    const bound: { port: number; path: FieldPath }[] = [];
    asArray(container.spec.ports).forEach((port, index) => {
      if (isRecord(port) && port.hostPort !== undefined && Number(port.hostPort) !== 0) {
        bound.push({ port: Number(port.hostPort), path: [...container.path, 'ports', index, 'hostPort'] });
      }
    });
    if (bound.length === 0) return pass(`container "${container.name}" binds no host port`, container.path);
    const list = bound.map((b) => (b.port < 1024 ? `${b.port} (privileged)` : String(b.port))).join(', ');
    return fail(`container "${container.name}" binds host port${bound.length > 1 ? 's' : ''} ${list}`, bound[0]!.path);
  },
);
