import { workloadNetworkPolicy } from '../../../src/controls/network/workload-network-policy.js';
import { testControl } from '../../control-tester.js';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "web:1"}]
`;

testControl(workloadNetworkPolicy, [
  {
    name: 'a pod selected by label for ingress only passes, saying egress is open',
    yaml: `${web}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{}]
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', message: /NetworkPolicy web-in; egress not isolated/ }],
  },
  {
    name: 'a policy for other labels, or in another namespace, does not select it',
    yaml: `${web}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchExpressions: [{key: app, operator: In, values: [db]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: all, namespace: other}
spec:
  podSelector: {}
`,
    expect: [{ status: 'fail', subject: 'Deployment shop/web', line: 6, message: /no NetworkPolicy among the scanned objects selects its pods/ }],
  },
  {
    name: 'a Cilium policy with an empty endpoint selector isolates both directions',
    yaml: `${web}---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: baseline, namespace: shop}
specs:
- endpointSelector: {}
  ingress: [{fromEndpoints: [{}]}]
  egress: [{toEndpoints: [{}]}]
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', message: /ingress and egress isolated/ }],
  },
]);
