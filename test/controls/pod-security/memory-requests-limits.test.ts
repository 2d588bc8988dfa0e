import { memoryRequestsLimits } from '../../../src/controls/pod-security/memory-requests-limits.js';
import { testControl } from '../../control-tester.js';

testControl(memoryRequestsLimits, [
  {
    name: 'both set passes; a missing limit fails',
    yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis, namespace: cache}
spec:
  template:
    spec:
      containers:
      - name: redis
        image: redis:7.4
        resources:
          requests: {memory: 256Mi}
          limits: {memory: 512Mi}
      - name: exporter
        image: oliver006/redis_exporter:v1.62.0
        resources: {requests: {memory: 32Mi}}
`,
    expect: [
      { status: 'pass', subject: 'StatefulSet cache/redis [redis]', line: 13 },
      { status: 'fail', subject: 'StatefulSet cache/redis [exporter]', message: /has no memory limit$/ },
    ],
  },
  {
    name: 'a milli suffix on memory (0.4 bytes) fails as the typo it is',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: milli, namespace: default}
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1
        resources:
          requests:
            memory: "400m"
          limits:
            memory: "500m"
`,
    expect: [{ status: 'fail', subject: 'Deployment default/milli [app]', line: 13, message: /did you mean 400Mi/ }],
  },
]);
