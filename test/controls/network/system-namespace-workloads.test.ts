import { systemNamespaceWorkloads } from '../../../src/controls/network/system-namespace-workloads.js';
import { testControl } from '../../control-tester.js';

const ds = (name: string, namespace: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}, namespace: ${namespace}}
spec: {template: {spec: {containers: [{name: c, image: "c:1"}]}}}
`;

testControl(systemNamespaceWorkloads, [
  {
    name: 'kube-proxy and calico belong in kube-system; an unknown workload there is for a human; kube-public holds none',
    yaml: [ds('kube-proxy', 'kube-system'), ds('calico-node', 'kube-system'), ds('log-shipper', 'kube-system'), ds('web', 'kube-public')].join('---\n'),
    expect: [
      { status: 'pass', subject: 'DaemonSet kube-system/kube-proxy' },
      { status: 'pass', subject: 'DaemonSet kube-system/calico-node' },
      { status: 'manual', subject: 'DaemonSet kube-system/log-shipper', line: 13, message: /not a known system component/ },
      { status: 'fail', subject: 'DaemonSet kube-public/web', line: 18 },
    ],
  },
  {
    name: 'user namespaces pass',
    yaml: ds('web', 'shop'),
    expect: [{ status: 'pass', subject: 'DaemonSet shop/web' }],
  },
]);
