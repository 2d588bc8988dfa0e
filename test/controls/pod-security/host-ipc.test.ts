import { hostIpc } from '../../../src/controls/pod-security/host-ipc.js';
import { testControl } from '../../control-tester.js';

testControl(hostIpc, [
  {
    name: 'a StatefulSet without hostIPC passes',
    yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  template:
    spec:
      containers:
      - {name: postgres, image: postgres:16.4}
`,
    expect: [{ status: 'pass', subject: 'StatefulSet data/db' }],
  },
  {
    name: 'a Pod sharing the host IPC namespace fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: shm, namespace: ns}
spec:
  hostIPC: true
  containers:
  - {name: app, image: app:1.0}
`,
    expect: [{ status: 'fail', subject: 'Pod ns/shm', line: 6, message: /hostIPC: true/ }],
  },
  {
    name: 'a ReplicationController with hostIPC: false passes',
    yaml: `
apiVersion: v1
kind: ReplicationController
metadata: {name: rc, namespace: ns}
spec:
  template:
    spec:
      hostIPC: false
      containers:
      - {name: app, image: app:1.0}
`,
    expect: [{ status: 'pass', subject: 'ReplicationController ns/rc', line: 8 }],
  },
]);
