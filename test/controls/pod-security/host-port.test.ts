import { hostPort } from '../../../src/controls/pod-security/host-port.js';
import { testControl } from '../../control-tester.js';

testControl(hostPort, [
  {
    name: 'an ingress controller binding 80 and 443 on the host fails, flagging privileged ports',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  template:
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.11.2
        ports:
        - {name: http, containerPort: 80, hostPort: 80}
        - {name: https, containerPort: 443, hostPort: 443}
        - {name: metrics, containerPort: 10254}
`,
    expect: [{ status: 'fail', subject: 'DaemonSet ingress-nginx/ingress-nginx-controller [controller]', line: 12, message: /host ports 80 \(privileged\), 443 \(privileged\)/ }],
  },
  {
    name: 'container ports alone, and hostPort 0, pass; an unprivileged hostPort fails',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: influxdb, namespace: ns}
spec:
  containers:
  - name: web
    image: app:1
    ports: [{containerPort: 8080}, {containerPort: 9090, hostPort: 0}]
  - name: influxdb
    image: influxdb:2.7
    ports:
    - {containerPort: 8086, hostPort: 8086}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/influxdb [web]' },
      { status: 'fail', subject: 'Pod ns/influxdb [influxdb]', line: 13, message: /host port 8086$/ },
    ],
  },
]);
