import { getPath, type FieldPath } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { pss } from '../../frameworks/refs.js';

const HANDLERS: readonly string[][] = [
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) => [[probe, 'httpGet'], [probe, 'tcpSocket']]),
  ...['postStart', 'preStop'].flatMap((hook) => [['lifecycle', hook, 'httpGet'], ['lifecycle', hook, 'tcpSocket']]),
];

export const hostProbesLifecycle = perContainer(
  {
    id: 'host-probes-lifecycle',
    title: 'Probes and lifecycle hooks must not target another host',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The kubelet runs httpGet and tcpSocket probes and lifecycle hooks from the node. A host field pointed elsewhere turns ' +
      'the kubelet into a proxy to addresses the pod itself cannot reach (node-local services, cloud metadata endpoints). ' +
      'The Pod Security Standards (baseline, from v1.34) allow only an unset or empty host.',
    remediation: 'Remove the host field from httpGet and tcpSocket probes and lifecycle handlers; they then target the pod\'s own IP.',
    refs: [...pss('baseline', 'host-probes-lifecycle')],
  },
  (container) => {
    const found: { where: string; host: string; path: FieldPath }[] = [];
    for (const handler of HANDLERS) {
      const host = getPath(container.spec, [...handler, 'host']);
      if (typeof host === 'string' && host !== '') found.push({ where: handler.join('.'), host, path: [...container.path, ...handler, 'host'] });
    }
    if (found.length === 0) return pass(`container "${container.name}" has no probe or lifecycle hook with a host`, container.path);
    return fail(`container "${container.name}" sets ${found.map((f) => `${f.where}.host: ${f.host}`).join(', ')}`, found[0]!.path);
  },
);
