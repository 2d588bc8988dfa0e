import { pssRestrictedRunAsUser } from '../../../src/controls/pod-security/pss-restricted-run-as-user.js';
import { testControl } from '../../control-tester.js';

testControl(pssRestrictedRunAsUser, [
  {
    name: 'unset and non-zero pass; a container runAsUser 0 fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: unset, image: app:1}
  - {name: uid, image: app:1, securityContext: {runAsUser: 10001}}
  - name: root
    image: app:1
    securityContext:
      runAsUser: 0
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [unset]' },
      { status: 'pass', subject: 'Pod ns/p [uid]', message: /UID 10001/ },
      { status: 'fail', subject: 'Pod ns/p [root]', line: 12 },
    ],
  },
  {
    name: 'a pod-level 0 fails even where a container overrides it',
    yaml: `
apiVersion: batch/v1
kind: Job
metadata: {name: j, namespace: ns}
spec:
  template:
    spec:
      securityContext: {runAsUser: 0}
      containers: [{name: c, image: app:1, securityContext: {runAsUser: 1000}}]
`,
    expect: [{ status: 'fail', subject: 'Job ns/j [c]', line: 8, message: /the pod sets runAsUser: 0/ }],
  },
  {
    name: 'in a user namespace it still fails, saying which Pod Security Admission versions accept it',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: userns, namespace: ns}
spec:
  hostUsers: false
  containers: [{name: c, image: app:1, securityContext: {runAsUser: 0}}]
`,
    expect: [{ status: 'fail', subject: 'Pod ns/userns [c]', message: /hostUsers: false, which Pod Security Admission v1.35 and later accepts/ }],
  },
]);
