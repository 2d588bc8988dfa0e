import { privilegedContainer } from '../../../src/controls/pod-security/privileged-container.js';
import { testControl } from '../../control-tester.js';

testControl(privilegedContainer, [
  {
    name: 'a Pod without securityContext passes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    expect: [{ status: 'pass', subject: 'Pod ns/p [app]' }],
  },
  {
    name: 'privileged: false passes',
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
          privileged: false
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web [app]', line: 12 }],
  },
  {
    name: 'a privileged sidecar fails, pointing at its line; the other container passes',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
      - name: shipper
        image: fluent-bit:3
        securityContext:
          privileged: true
`,
    expect: [
      { status: 'pass', subject: 'DaemonSet kube-system/agent [app]' },
      { status: 'fail', subject: 'DaemonSet kube-system/agent [shipper]', line: 14, message: /privileged: true/ },
    ],
  },
  {
    name: 'privileged init and ephemeral containers of a CronJob fail',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: setup
            image: busybox:1.36
            securityContext: {privileged: true}
          containers:
          - name: run
            image: busybox:1.36
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext: {privileged: true}
`,
    expect: [
      { status: 'pass', subject: 'CronJob backup [run]' },
      { status: 'fail', subject: 'CronJob backup [setup]', line: 14 },
      { status: 'fail', subject: 'CronJob backup [debug]', line: 21 },
    ],
  },
  {
    name: 'a pod-level privileged field is not a thing and does not count',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {privileged: true}
  containers:
  - name: app
    image: nginx:1.27
`,
    expect: [{ status: 'pass', subject: 'Pod p [app]' }],
  },
  {
    name: 'objects that run no pods give no result',
    yaml: `
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {privileged: "true"}
`,
    expect: [],
  },
]);
