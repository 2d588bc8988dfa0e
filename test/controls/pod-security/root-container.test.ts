import { rootContainer } from '../../../src/controls/pod-security/root-container.js';
import { testControl } from '../../control-tester.js';

testControl(rootContainer, [
  {
    name: 'pod-level runAsNonRoot: true covers every container; a container override to runAsUser 0 still fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - {name: api, image: api:1.0}
      - name: legacy
        image: legacy:1.0
        securityContext: {runAsUser: 0}
`,
    expect: [
      { status: 'pass', subject: 'Deployment payments/api [api]', line: 9 },
      { status: 'fail', subject: 'Deployment payments/api [legacy]', line: 14, message: /runAsUser: 0 \(runAsNonRoot: true/ },
    ],
  },
  {
    name: 'a non-zero runAsUser passes without runAsNonRoot; nothing set fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext: {runAsUser: 10001}
  initContainers:
  - {name: init, image: busybox:1.36}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]', message: /UID 10001/ },
      { status: 'fail', subject: 'Pod ns/p [init]', message: /neither/ },
    ],
  },
  {
    name: 'container runAsNonRoot: false overrides the pod',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: ops}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
          - name: report
            image: report:2
            securityContext: {runAsNonRoot: false}
`,
    expect: [{ status: 'fail', subject: 'CronJob ops/report [report]', line: 15, message: /runAsNonRoot: false/ }],
  },
  {
    name: 'pod-level runAsUser 0 fails an ephemeral container that does not override it',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {runAsUser: 0}
  containers:
  - {name: app, image: app:1.0, securityContext: {runAsUser: 1000}}
  ephemeralContainers:
  - {name: debug, image: busybox:1.36}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [debug]', line: 6 },
    ],
  },
  {
    name: 'Windows pods: ContainerAdministrator fails, ContainerUser passes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: win, namespace: ns}
spec:
  os: {name: windows}
  securityContext:
    windowsOptions: {runAsUserName: ContainerUser}
  containers:
  - {name: app, image: app:ltsc2022}
  - name: admin
    image: app:ltsc2022
    securityContext:
      windowsOptions: {runAsUserName: ContainerAdministrator}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/win [app]', line: 8, message: /runs as ContainerUser/ },
      { status: 'fail', subject: 'Pod ns/win [admin]', line: 14, message: /ContainerAdministrator/ },
    ],
  },
]);
