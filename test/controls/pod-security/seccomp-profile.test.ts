import { seccompProfile } from '../../../src/controls/pod-security/seccomp-profile.js';
import { testControl } from '../../control-tester.js';

testControl(seccompProfile, [
  {
    name: 'a pod-level RuntimeDefault covers every container; a container Unconfined override fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
      - {name: app, image: app:1}
      - name: strace
        image: strace:1
        securityContext:
          seccompProfile: {type: Unconfined}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', line: 9, message: /pod's securityContext/ },
      { status: 'fail', subject: 'Deployment shop/web [strace]', line: 15, message: /Unconfined/ },
    ],
  },
  {
    name: 'no profile anywhere fails; a container Localhost profile passes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: main-app, image: app:1}
  - name: tuned
    image: app:1
    securityContext:
      seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}
  initContainers:
  - {name: init, image: busybox:1.36}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [main-app]', message: /runs Unconfined/ },
      { status: 'pass', subject: 'Pod ns/p [tuned]' },
      { status: 'fail', subject: 'Pod ns/p [init]' },
    ],
  },
  {
    name: 'legacy annotations count (container first, then pod); unconfined fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: legacy, namespace: ns}
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.seccomp.security.alpha.kubernetes.io/debug: unconfined
    spec:
      containers:
      - {name: app, image: app:1}
      - {name: debug, image: app:1}
`,
    expect: [
      { status: 'pass', subject: 'Deployment ns/legacy [app]', line: 9, message: /legacy pod seccomp annotation/ },
      { status: 'fail', subject: 'Deployment ns/legacy [debug]', message: /unconfined from the legacy container/ },
    ],
  },
  {
    name: 'a Windows pod is not applicable',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: w, namespace: ns}
spec:
  os: {name: windows}
  containers: [{name: app, image: app:1}]
`,
    expect: [{ status: 'not-applicable', subject: 'Pod ns/w [app]' }],
  },
]);
