import { pssRestrictedCapabilities } from '../../../src/controls/pod-security/pss-restricted-capabilities.js';
import { testControl } from '../../control-tester.js';

testControl(pssRestrictedCapabilities, [
  {
    name: 'drop ALL with NET_BIND_SERVICE passes; another default-set add fails restricted',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
      - name: chown
        image: app:1
        securityContext:
          capabilities:
            drop: [ALL]
            add: [CHOWN]
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [nginx]' },
      { status: 'fail', subject: 'Deployment shop/web [chown]', line: 17, message: /adds CHOWN/ },
    ],
  },
  {
    name: 'not dropping ALL fails; a Windows pod is exempt',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1, securityContext: {capabilities: {drop: [NET_RAW]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: w, namespace: ns}
spec:
  os: {name: Windows}
  containers:
  - {name: app, image: app:1}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [app]', message: /does not drop ALL/ },
      { status: 'not-applicable', subject: 'Pod ns/w [app]' },
    ],
  },
  {
    name: 'Pod Security Admission takes the names literally: lower-case all and a CAP_ prefix fail',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: lower, image: app:1, securityContext: {capabilities: {drop: [all]}}}
  - {name: prefixed, image: app:1, securityContext: {capabilities: {drop: [ALL], add: [CAP_NET_BIND_SERVICE]}}}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [lower]', message: /spelled other than "ALL"/ },
      { status: 'fail', subject: 'Pod ns/p [prefixed]', message: /adds CAP_NET_BIND_SERVICE/ },
    ],
  },
]);
