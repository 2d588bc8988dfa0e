import { namespaceNetworkPolicy } from '../../../src/controls/network/namespace-network-policy.js';
import { testControl } from '../../control-tester.js';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

testControl(namespaceNetworkPolicy, [
  {
    name: 'a namespace with a default-deny policy passes and says both directions are denied',
    yaml: `${ns('shop')}---\n${DEFAULT_DENY}`,
    expect: [{ status: 'pass', subject: 'Namespace shop', message: /default-deny ingress: default-deny; default-deny egress: default-deny/ }],
  },
  {
    name: 'a policy in another namespace does not count (the Namespace object is the subject)',
    yaml: `${ns('test')}---\n${DEFAULT_DENY.replace('namespace: shop', 'namespace: default')}`,
    expect: [{ status: 'fail', subject: 'Namespace test', line: 1, message: /namespace test has no NetworkPolicy among the scanned objects/ }],
  },
  {
    name: 'an ingress-only allow policy passes; no default deny is reported',
    yaml: `${ns('shop')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: lb}}}]
`,
    expect: [{ status: 'pass', subject: 'Namespace shop', message: /default-deny ingress: none; default-deny egress: none/ }],
  },
  {
    name: 'a namespace only workloads name is still a finding, named where it is first used',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      containers: [{name: api, image: "api:1"}]
`,
    expect: [{ status: 'fail', subject: 'Namespace payments', line: 3, message: /no Namespace object among the scanned objects/ }],
  },
  {
    name: 'system namespaces without a policy are left to a human; a Cilium cluster-wide policy covers every namespace',
    yaml: `${ns('kube-system')}---\n${ns('apps')}---
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: only-apps}
spec:
  endpointSelector:
    matchLabels: {"k8s:io.kubernetes.pod.namespace": apps}
  ingress: [{}]
`,
    expect: [
      { status: 'pass', subject: 'Namespace apps', message: /CiliumClusterwideNetworkPolicy only-apps/ },
      { status: 'manual', subject: 'Namespace kube-system', message: /ComplianceAsCode EKS rule exempts kube-\*/ },
    ],
  },
]);
