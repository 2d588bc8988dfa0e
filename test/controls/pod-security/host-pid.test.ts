import { hostPid } from '../../../src/controls/pod-security/host-pid.js';
import { testControl } from '../../control-tester.js';

testControl(hostPid, [
  {
    name: 'a Deployment that does not set hostPID passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - {name: app, image: nginx:1.27}
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web' }],
  },
  {
    name: 'hostPID: false passes, pointing at the field',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  hostPID: false
  containers:
  - {name: app, image: nginx:1.27}
`,
    expect: [{ status: 'pass', subject: 'Pod ns/p', line: 6 }],
  },
  {
    name: 'a node-exporter DaemonSet with hostPID fails at the field',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-exporter, namespace: monitoring}
spec:
  template:
    spec:
      hostNetwork: true
      hostPID: true
      containers:
      - {name: node-exporter, image: quay.io/prometheus/node-exporter:v1.8.2}
`,
    expect: [{ status: 'fail', subject: 'DaemonSet monitoring/node-exporter', line: 9, message: /hostPID: true/ }],
  },
  {
    name: 'a CronJob with hostPID fails',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: debug, namespace: ops}
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers:
          - {name: c, image: busybox:1.36}
`,
    expect: [{ status: 'fail', subject: 'CronJob ops/debug', line: 11 }],
  },
]);
