import { podFieldMustNotBeTrue } from '../pod-field-template.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const hostPid = podFieldMustNotBeTrue(
  {
    id: 'host-pid',
    title: 'Pods must not share the host process ID namespace',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A pod with hostPID: true shares the node\'s process IDs namespace: every process on the node is visible to the container, which can signal them and read their environment and /proc entries (credentials included).',
    remediation: 'Remove spec.hostPID from the pod spec (or the workload\'s pod template), or set it to false.',
    refs: [...cis('5.2.3'), ...nsaCisa('pod-security/host-namespaces'), ...pss('baseline', 'host-namespaces'), ...cisEks('4.2.2')],
  },
  'hostPID',
);
