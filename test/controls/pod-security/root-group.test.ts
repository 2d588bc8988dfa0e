import { rootGroup } from '../../../src/controls/pod-security/root-group.js';
import { testControl } from '../../control-tester.js';

testControl(rootGroup, [
  {
    name: 'non-zero groups pass',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      securityContext: {runAsGroup: 10001, fsGroup: 10001, supplementalGroups: [2000]}
      containers:
      - {name: api, image: api:1.0}
`,
    expect: [{ status: 'pass', subject: 'Deployment payments/api [api]' }],
  },
  {
    name: 'supplemental group 0 fails every container, at the list entry',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: nginx, namespace: web}
spec:
  securityContext:
    fsGroup: 2000
    supplementalGroups:
    - 0
  containers:
  - {name: nginx, image: nginx:1.27}
`,
    expect: [{ status: 'fail', subject: 'Pod web/nginx [nginx]', line: 9, message: /supplemental group 0/ }],
  },
  {
    name: 'runAsGroup 0 on a container and fsGroup 0 on the pod fail',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {fsGroup: 0}
  containers:
  - {name: a, image: a:1, securityContext: {runAsGroup: 0}}
  - {name: b, image: b:1}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [a]', message: /runAsGroup: 0/ },
      { status: 'fail', subject: 'Pod ns/p [b]', message: /fsGroup: 0/ },
    ],
  },
]);
