import { netRawCapability } from '../../../src/controls/pod-security/net-raw-capability.js';
import { testControl } from '../../control-tester.js';

testControl(netRawCapability, [
  {
    name: 'dropping ALL or NET_RAW (any spelling) passes; dropping something else fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: all
        image: nginx:1.27
        securityContext:
          capabilities:
            drop: [ALL]
      - name: netraw
        image: nginx:1.27
        securityContext: {capabilities: {drop: [cap_net_raw]}}
      - name: other
        image: nginx:1.27
        securityContext: {capabilities: {drop: [SYS_ADMIN]}}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [all]', line: 13 },
      { status: 'pass', subject: 'Deployment shop/web [netraw]' },
      { status: 'fail', subject: 'Deployment shop/web [other]', message: /does not drop NET_RAW/ },
    ],
  },
  {
    name: 'no securityContext fails; adding NET_RAW back after drop ALL fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: ping, namespace: ns}
spec:
  containers:
  - {name: plain, image: busybox:1.36}
  - name: pinger
    image: busybox:1.36
    securityContext:
      capabilities:
        drop: [ALL]
        add: [NET_RAW]
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/ping [plain]' },
      { status: 'fail', subject: 'Pod ns/ping [pinger]', line: 13, message: /adds NET_RAW/ },
    ],
  },
  {
    name: 'a privileged init container has NET_RAW',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  initContainers:
  - {name: sysctl, image: busybox:1.36, securityContext: {privileged: true, capabilities: {drop: [ALL]}}}
  containers:
  - {name: app, image: app:1, securityContext: {capabilities: {drop: [ALL]}}}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [sysctl]', message: /privileged/ },
    ],
  },
]);
