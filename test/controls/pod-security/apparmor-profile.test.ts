import { apparmorProfile } from '../../../src/controls/pod-security/apparmor-profile.js';
import { testControl } from '../../control-tester.js';

testControl(apparmorProfile, [
  {
    name: 'unset, RuntimeDefault and Localhost pass; Unconfined fails (container or pod)',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: plain, image: app:1}
  - {name: runtime, image: app:1, securityContext: {appArmorProfile: {type: RuntimeDefault}}}
  - {name: local, image: app:1, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example}}}
  - name: open
    image: app:1
    securityContext:
      appArmorProfile: {type: Unconfined}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: ns}
spec:
  template:
    spec:
      securityContext: {appArmorProfile: {type: Unconfined}}
      containers: [{name: app, image: app:1}]
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [plain]', message: /default AppArmor profile/ },
      { status: 'pass', subject: 'Pod ns/p [runtime]' },
      { status: 'pass', subject: 'Pod ns/p [local]' },
      { status: 'fail', subject: 'Pod ns/p [open]', line: 13 },
      { status: 'fail', subject: 'Deployment ns/d [app]', line: 21 },
    ],
  },
  {
    name: 'the beta annotations: runtime/default and localhost/ pass, unconfined fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: legacy, namespace: ns}
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: runtime/default
        container.apparmor.security.beta.kubernetes.io/tool: unconfined
    spec:
      containers:
      - {name: app, image: app:1}
      - {name: tool, image: tool:1}
`,
    expect: [
      { status: 'pass', subject: 'Deployment ns/legacy [app]', message: /runtime\/default/ },
      { status: 'fail', subject: 'Deployment ns/legacy [tool]', line: 10, message: /"unconfined"/ },
    ],
  },
]);
