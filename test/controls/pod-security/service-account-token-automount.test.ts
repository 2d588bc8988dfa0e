import { serviceAccountTokenAutomount } from '../../../src/controls/pod-security/service-account-token-automount.js';
import { testControl } from '../../control-tester.js';

testControl(serviceAccountTokenAutomount, [
  {
    name: 'automountServiceAccountToken: false on the pod passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      serviceAccountName: api
      automountServiceAccountToken: false
      containers: [{name: api, image: api:1}]
`,
    expect: [{ status: 'pass', subject: 'Deployment payments/api', line: 9 }],
  },
  {
    name: 'an explicit true fails: it overrides the ServiceAccount',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: test-cron, namespace: kubescape-test}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: test-sa
          automountServiceAccountToken: true
          containers: [{name: busybox, image: busybox:1.36}]
`,
    expect: [{ status: 'fail', subject: 'CronJob kubescape-test/test-cron', line: 12, message: /whatever its ServiceAccount says/ }],
  },
  {
    name: 'unset fails, naming the ServiceAccount that could still turn it off',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  serviceAccountName: builder
  containers: [{name: c, image: c:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: q, namespace: ns}
spec:
  containers: [{name: c, image: c:1}]
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p', message: /unless ServiceAccount "builder" sets automountServiceAccountToken: false/ },
      { status: 'fail', subject: 'Pod ns/q', message: /ServiceAccount "default"/ },
    ],
  },
]);
