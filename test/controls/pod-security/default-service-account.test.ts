import { defaultServiceAccount } from '../../../src/controls/pod-security/default-service-account.js';
import { testControl } from '../../control-tester.js';

testControl(defaultServiceAccount, [
  {
    name: 'a dedicated serviceAccountName passes',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      serviceAccountName: api
      containers: [{name: api, image: api:1}]
`,
    expect: [{ status: 'pass', subject: 'Deployment payments/api', line: 8 }],
  },
  {
    name: 'no service account, and an explicit "default", fail',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: implicit, namespace: app}
spec:
  containers: [{name: c, image: c:1}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: explicit, namespace: app}
spec:
  template:
    spec:
      serviceAccountName: default
      containers: [{name: c, image: c:1}]
`,
    expect: [
      { status: 'fail', subject: 'Pod app/implicit', message: /sets no serviceAccountName/ },
      { status: 'fail', subject: 'Job app/explicit', line: 14, message: /"default" ServiceAccount/ },
    ],
  },
  {
    name: 'the deprecated serviceAccount field counts when serviceAccountName is absent',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: old, namespace: app}
spec:
  serviceAccount: worker
  containers: [{name: c, image: c:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: old-default, namespace: app}
spec:
  serviceAccount: default
  containers: [{name: c, image: c:1}]
`,
    expect: [
      { status: 'pass', subject: 'Pod app/old', message: /"worker"/ },
      { status: 'fail', subject: 'Pod app/old-default' },
    ],
  },
  {
    name: 'an empty serviceAccountName falls back to the deprecated field, as the API server does',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: empty, namespace: app}
spec:
  serviceAccountName: ""
  serviceAccount: builder
  containers: [{name: c, image: c:1}]
`,
    expect: [{ status: 'pass', subject: 'Pod app/empty', line: 7, message: /"builder"/ }],
  },
]);
