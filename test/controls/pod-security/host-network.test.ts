import { hostNetwork } from '../../../src/controls/pod-security/host-network.js';
import { testControl } from '../../control-tester.js';

testControl(hostNetwork, [
  {
    name: 'a Helm-style Deployment without hostNetwork passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-web
  namespace: shop
  labels: {app.kubernetes.io/managed-by: Helm}
spec:
  template:
    spec:
      containers:
      - {name: web, image: nginx:1.27}
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/release-web' }],
  },
  {
    name: 'the calico-node DaemonSet on the host network fails',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: calico-node, namespace: kube-system}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
      - {name: calico-node, image: docker.io/calico/node:v3.28.1}
`,
    expect: [{ status: 'fail', subject: 'DaemonSet kube-system/calico-node', line: 8, message: /hostNetwork: true/ }],
  },
  {
    name: 'hostNetwork: false passes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: false
  containers:
  - {name: app, image: app:1.0}
`,
    expect: [{ status: 'pass', subject: 'Pod p' }],
  },
]);
