import { pssRestrictedRunAsNonRoot } from '../../../src/controls/pod-security/pss-restricted-run-as-non-root.js';
import { testControl } from '../../control-tester.js';

testControl(pssRestrictedRunAsNonRoot, [
  {
    name: 'pod-level true covers containers; a non-zero runAsUser alone is not enough',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: app, image: app:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: q, namespace: ns}
spec:
  containers: [{name: app, image: app:1, securityContext: {runAsUser: 1000}}]
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]', line: 6 },
      { status: 'fail', subject: 'Pod ns/q [app]', message: /neither/ },
    ],
  },
  {
    name: 'an explicit false on the pod fails even where containers say true',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx-deployment, namespace: ns}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: false}
      containers:
      - {name: nginx, image: nginx:1.27, securityContext: {runAsNonRoot: true}}
`,
    expect: [{ status: 'fail', subject: 'Deployment ns/nginx-deployment [nginx]', line: 8, message: /the pod sets runAsNonRoot: false/ }],
  },
]);
