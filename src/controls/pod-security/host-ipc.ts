import { podFieldMustNotBeTrue } from '../pod-field-template.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const hostIpc = podFieldMustNotBeTrue(
  {
    id: 'host-ipc',
    title: 'Pods must not share the host IPC namespace',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A pod with hostIPC: true shares the node\'s IPC namespace: the container can read and write the shared memory and message queues of every process on the node.',
    remediation: 'Remove spec.hostIPC from the pod spec (or the workload\'s pod template), or set it to false.',
    refs: [...cis('5.2.4'), ...nsaCisa('pod-security/host-namespaces'), ...pss('baseline', 'host-namespaces'), ...cisEks('4.2.3')],
  },
  'hostIPC',
);
