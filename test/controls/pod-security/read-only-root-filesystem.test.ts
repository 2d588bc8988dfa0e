import { readOnlyRootFilesystem } from '../../../src/controls/pod-security/read-only-root-filesystem.js';
import { testControl } from '../../control-tester.js';

testControl(readOnlyRootFilesystem, [
  {
    name: 'readOnlyRootFilesystem: true passes; false and unset fail',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts: [{name: tmp, mountPath: /tmp}]
      - name: mysql
        image: mysql:8.4
        securityContext:
          readOnlyRootFilesystem: false
      initContainers:
      - {name: init, image: busybox:1.36}
      volumes: [{name: tmp, emptyDir: {}}]
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', line: 11 },
      { status: 'fail', subject: 'Deployment shop/web [mysql]', line: 16, message: /readOnlyRootFilesystem: false/ },
      { status: 'fail', subject: 'Deployment shop/web [init]', message: /is writable/ },
    ],
  },
  {
    name: 'an ephemeral container is checked; the pod level has no such field',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {readOnlyRootFilesystem: true}
  containers: [{name: app, image: app:1, securityContext: {readOnlyRootFilesystem: true}}]
  ephemeralContainers: [{name: debug, image: busybox:1.36}]
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [debug]' },
    ],
  },
]);
