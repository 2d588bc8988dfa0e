import { pssRestrictedSeccomp } from '../../../src/controls/pod-security/pss-restricted-seccomp.js';
import { testControl } from '../../control-tester.js';

testControl(pssRestrictedSeccomp, [
  {
    name: 'pod-level RuntimeDefault passes; Localhost on a container passes; unset fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {seccompProfile: {type: RuntimeDefault}}
  containers:
  - {name: a, image: app:1}
  - {name: b, image: app:1, securityContext: {seccompProfile: {type: Localhost, localhostProfile: x.json}}}
---
apiVersion: v1
kind: Pod
metadata: {name: q, namespace: ns}
spec:
  containers:
  - {name: a, image: app:1}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [a]', line: 6 },
      { status: 'pass', subject: 'Pod ns/p [b]' },
      { status: 'fail', subject: 'Pod ns/q [a]', message: /neither has the pod/ },
    ],
  },
  {
    name: 'legacy annotations do not satisfy restricted; a pod-level Unconfined fails overriding containers; Windows is exempt',
    yaml: `
apiVersion: v1
kind: Pod
metadata:
  name: legacy
  namespace: ns
  annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}
spec:
  containers: [{name: a, image: app:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: mixed, namespace: ns}
spec:
  securityContext: {seccompProfile: {type: Unconfined}}
  containers: [{name: a, image: app:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: win, namespace: ns}
spec:
  os: {name: windows}
  containers: [{name: a, image: app:1}]
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/legacy [a]' },
      { status: 'fail', subject: 'Pod ns/mixed [a]', message: /the pod sets seccompProfile.type: Unconfined/ },
      { status: 'not-applicable', subject: 'Pod ns/win [a]' },
    ],
  },
]);
