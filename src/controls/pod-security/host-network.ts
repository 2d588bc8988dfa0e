import { podFieldMustNotBeTrue } from '../pod-field-template.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const hostNetwork = podFieldMustNotBeTrue(
  {
    id: 'host-network',
    title: 'Pods must not use the host network namespace',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A pod with hostNetwork: true shares the node\'s network namespace: the container can bind any node port, reach services bound to the loopback interface of the node (kubelet, etcd on control-plane nodes), sniff node traffic and bypass NetworkPolicies.',
    remediation: 'Remove spec.hostNetwork from the pod spec (or the workload\'s pod template), or set it to false.',
    refs: [...cis('5.2.5'), ...nsaCisa('pod-security/host-namespaces'), ...pss('baseline', 'host-namespaces'), ...cisEks('4.2.4')],
  },
  'hostNetwork',
);
