import { pssBaselineSeccomp } from '../../../src/controls/pod-security/pss-baseline-seccomp.js';
import { testControl } from '../../control-tester.js';

testControl(pssBaselineSeccomp, [
  {
    name: 'unset and RuntimeDefault pass baseline; Unconfined fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: plain, image: app:1}
  - {name: confined, image: app:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}
  - name: open
    image: app:1
    securityContext:
      seccompProfile: {type: Unconfined}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [plain]' },
      { status: 'pass', subject: 'Pod ns/p [confined]' },
      { status: 'fail', subject: 'Pod ns/p [open]', line: 12 },
    ],
  },
  {
    name: 'a pod-level Unconfined fails every container, even one that overrides it',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: ns}
spec:
  template:
    spec:
      securityContext: {seccompProfile: {type: Unconfined}}
      containers:
      - {name: a, image: app:1}
      - {name: b, image: app:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}
`,
    expect: [
      { status: 'fail', subject: 'Deployment ns/d [a]', line: 8 },
      { status: 'fail', subject: 'Deployment ns/d [b]', line: 8 },
    ],
  },
]);
