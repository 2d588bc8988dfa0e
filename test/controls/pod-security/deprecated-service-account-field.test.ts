import { deprecatedServiceAccountField } from '../../../src/controls/pod-security/deprecated-service-account-field.js';
import { testControl } from '../../control-tester.js';

testControl(deprecatedServiceAccountField, [
  {
    name: 'serviceAccountName alone, or the old field repeating it, passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: ns}
spec:
  template:
    spec:
      serviceAccountName: app
      containers: [{name: c, image: c:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: ns}
spec:
  serviceAccountName: app
  serviceAccount: app
  containers: [{name: c, image: c:1}]
`,
    expect: [
      { status: 'pass', subject: 'Deployment ns/a' },
      { status: 'pass', subject: 'Pod ns/b', message: /repeats/ },
    ],
  },
  {
    name: 'the old field alone, or disagreeing with serviceAccountName, fails',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: old, namespace: ns}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccount: legacy
          containers: [{name: c, image: c:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: mismatch, namespace: ns}
spec:
  serviceAccount: reader
  serviceAccountName: admin
  containers: [{name: c, image: c:1}]
`,
    expect: [
      { status: 'fail', subject: 'CronJob ns/old', line: 11, message: /deprecated serviceAccount field only/ },
      { status: 'fail', subject: 'Pod ns/mismatch', message: /it runs as "admin"/ },
    ],
  },
]);
