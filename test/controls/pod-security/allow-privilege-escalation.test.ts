import { allowPrivilegeEscalation } from '../../../src/controls/pod-security/allow-privilege-escalation.js';
import { testControl } from '../../control-tester.js';

testControl(allowPrivilegeEscalation, [
  {
    name: 'allowPrivilegeEscalation: false passes; unset fails (defaults to true)',
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
          allowPrivilegeEscalation: false
      - name: sidecar
        image: envoyproxy/envoy:v1.31.0
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', line: 12 },
      { status: 'fail', subject: 'Deployment shop/web [sidecar]', line: 13, message: /defaults to true/ },
    ],
  },
  {
    name: 'explicit true fails; the pod level has no such field',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {allowPrivilegeEscalation: false}
  containers:
  - name: app
    image: app:1.0
    securityContext: {allowPrivilegeEscalation: true}
`,
    expect: [{ status: 'fail', subject: 'Pod ns/p [app]', line: 10, message: /allowPrivilegeEscalation: true/ }],
  },
  {
    name: 'privileged or CAP_SYS_ADMIN implies escalation even with false',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  template:
    spec:
      containers:
      - name: priv
        image: agent:1
        securityContext: {privileged: true, allowPrivilegeEscalation: false}
      - name: admin
        image: agent:1
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {add: [CAP_SYS_ADMIN]}
`,
    expect: [
      { status: 'fail', subject: 'DaemonSet kube-system/agent [priv]', message: /privileged/ },
      { status: 'fail', subject: 'DaemonSet kube-system/agent [admin]', line: 16, message: /SYS_ADMIN/ },
    ],
  },
  {
    name: 'init and ephemeral containers are checked too',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1.0, securityContext: {allowPrivilegeEscalation: false}}
  initContainers:
  - {name: migrate, image: app:1.0}
  ephemeralContainers:
  - {name: debug, image: busybox:1.36, securityContext: {allowPrivilegeEscalation: false}}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [migrate]' },
      { status: 'pass', subject: 'Pod ns/p [debug]' },
    ],
  },
  {
    name: 'a Windows pod is not applicable',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: win, namespace: ns}
spec:
  os: {name: windows}
  containers:
  - {name: iis, image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022}
`,
    expect: [{ status: 'not-applicable', subject: 'Pod ns/win [iis]', line: 6 }],
  },
]);
