import { cpuRequestsLimits } from '../../../src/controls/pod-security/cpu-requests-limits.js';
import { testControl } from '../../control-tester.js';

testControl(cpuRequestsLimits, [
  {
    name: 'both set passes; only limits, only requests and none fail, saying what is missing',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: full
        image: app:1
        resources:
          requests: {cpu: 250m, memory: 64Mi}
          limits: {cpu: 500m, memory: 128Mi}
      - name: limits-only
        image: app:1
        resources: {limits: {cpu: "1"}}
      - name: requests-only
        image: app:1
        resources:
          requests: {cpu: 100m}
      - {name: none, image: app:1}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/frontend [full]', line: 13, message: /requests 250m cpu and is limited to 500m/ },
      { status: 'fail', subject: 'Deployment shop/frontend [limits-only]', line: 16, message: /has no cpu request$/ },
      { status: 'fail', subject: 'Deployment shop/frontend [requests-only]', message: /has no cpu limit$/ },
      { status: 'fail', subject: 'Deployment shop/frontend [none]', message: /no cpu request and no cpu limit/ },
    ],
  },
  {
    name: 'init containers need them; ephemeral containers cannot have them',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers: [{name: app, image: app:1, resources: {requests: {cpu: 1}, limits: {cpu: 2}}}]
  initContainers: [{name: init, image: busybox:1.36}]
  ephemeralContainers: [{name: debug, image: busybox:1.36}]
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [init]' },
      { status: 'not-applicable', subject: 'Pod ns/p [debug]' },
    ],
  },
]);
