import { addedCapabilities } from '../../../src/controls/pod-security/added-capabilities.js';
import { testControl } from '../../control-tester.js';

testControl(addedCapabilities, [
  {
    name: 'no add, or adding back default-set capabilities, passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - {name: app, image: nginx:1.27}
      - name: proxy
        image: nginx:1.27
        securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', message: /adds no capabilities/ },
      { status: 'pass', subject: 'Deployment shop/web [proxy]', message: /only default-set/ },
    ],
  },
  {
    name: 'a calico-like DaemonSet adding NET_ADMIN and SYS_ADMIN fails at the add list',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: cni, namespace: kube-system}
spec:
  template:
    spec:
      initContainers:
      - name: install-cni
        image: cni:1
        securityContext:
          capabilities:
            add:
            - NET_ADMIN
            - SYS_ADMIN
      containers:
      - {name: agent, image: cni:1}
`,
    expect: [
      { status: 'pass', subject: 'DaemonSet kube-system/cni [agent]' },
      { status: 'fail', subject: 'DaemonSet kube-system/cni [install-cni]', line: 13, message: /adds NET_ADMIN, SYS_ADMIN/ },
    ],
  },
  {
    name: 'adding ALL or NET_RAW in an ephemeral debug container fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1}
  ephemeralContainers:
  - {name: debug, image: nicolaka/netshoot:v0.13, securityContext: {capabilities: {add: [ALL]}}}
  - {name: tcpdump, image: nicolaka/netshoot:v0.13, securityContext: {capabilities: {add: [NET_RAW]}}}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [debug]', message: /adds ALL/ },
      { status: 'fail', subject: 'Pod ns/p [tcpdump]', message: /adds NET_RAW/ },
    ],
  },
  {
    name: 'a default-set capability spelled cap_chown fails: Pod Security Admission takes names literally',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1, securityContext: {capabilities: {add: [cap_chown]}}}
`,
    expect: [{ status: 'fail', subject: 'Pod ns/p [app]', message: /adds cap_chown: default-set capabilities, but Pod Security Admission accepts only their canonical names/ }],
  },
]);
