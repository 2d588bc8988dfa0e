import { isControlPlane, type NodeEvidence, type ServiceFacts } from '../../evidence/node.js';
import type { ControlMeta, NodeCheck, NodeControl } from '../control.js';

export interface WorkerServiceSpec extends Omit<ControlMeta, 'family'> {
  service: 'sshd';
  /** Which fact is checked: the service running now, or enabled to start at boot. */
  fact: 'running' | 'enabled';
}

/** "Worker nodes must not run/enable <service>" (STIG V-242393/V-242394): only on a worker node. */
export function workerServiceControl(spec: WorkerServiceSpec): NodeControl {
  const { service: _service, fact: _fact, ...meta } = spec;
  return {
    ...meta,
    family: 'node-services',
    scope: 'node',
    evaluate(node: NodeEvidence): NodeCheck[] {
      const subject = { type: 'component' as const, kind: spec.service };
      if (!node.components.kubelet) return [{ status: 'not-applicable', message: 'no kubelet on this host: it is not a Kubernetes worker node', subject }];
      if (isControlPlane(node)) return [{ status: 'not-applicable', message: 'this is a control-plane node; the STIG rule is for worker nodes', subject }];
      const facts: ServiceFacts = node.services[spec.service];
      const value = facts[spec.fact];
      const evidence = spec.fact === 'running' ? facts.runningEvidence : facts.enabledEvidence;
      if (value === undefined) {
        const why = spec.fact === 'running' ? 'no process table under the root (an image or a copied tree)' : 'the systemd configuration under /etc/systemd/system could not be read';
        return [{ status: 'manual', message: `whether ${spec.service} is ${spec.fact} cannot be seen: ${why}`, subject }];
      }
      return value
        ? [{ status: 'fail', message: `${spec.service} is ${spec.fact} on this worker node: ${evidence}`, subject }]
        : [{ status: 'pass', message: `${spec.service} is not ${spec.fact}${evidence ? ` (${evidence})` : ''}`, subject }];
    },
  };
}
