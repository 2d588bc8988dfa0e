import { capabilitiesNotDropped } from '../../../src/controls/pod-security/capabilities-not-dropped.js';
import { testControl } from '../../control-tester.js';

testControl(capabilitiesNotDropped, [
  {
    name: 'drop ALL passes even with an add; partial drops and no drops fail',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
          capabilities:
            drop: ["ALL"]
            add: ["NET_BIND_SERVICE"]
      - name: partial
        image: nginx:1.27
        securityContext: {capabilities: {drop: [NET_RAW, MKNOD]}}
      - {name: none, image: nginx:1.27}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', line: 13 },
      { status: 'fail', subject: 'Deployment shop/web [partial]', message: /drops only NET_RAW, MKNOD/ },
      { status: 'fail', subject: 'Deployment shop/web [none]', message: /does not drop ALL/ },
    ],
  },
  {
    name: 'lower-case all is ALL; a Windows pod is not applicable',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1, securityContext: {capabilities: {drop: [all]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: w, namespace: ns}
spec:
  os: {name: windows}
  containers:
  - {name: app, image: app:1}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'not-applicable', subject: 'Pod ns/w [app]' },
    ],
  },
]);
