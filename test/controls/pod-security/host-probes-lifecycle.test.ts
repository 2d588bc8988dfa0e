import { hostProbesLifecycle } from '../../../src/controls/pod-security/host-probes-lifecycle.js';
import { testControl } from '../../control-tester.js';

testControl(hostProbesLifecycle, [
  {
    name: 'probes against the pod pass; a probe or hook with a host fails',
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
        livenessProbe: {httpGet: {path: /healthz, port: 8080}}
        readinessProbe: {tcpSocket: {port: 8080, host: ""}}
      - name: sneaky
        image: app:1
        livenessProbe:
          httpGet:
            host: 169.254.169.254
            path: /latest/meta-data/
            port: 80
        lifecycle:
          preStop: {tcpSocket: {host: 10.0.0.1, port: 22}}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]' },
      { status: 'fail', subject: 'Deployment shop/web [sneaky]', line: 17, message: /livenessProbe.httpGet.host: 169.254.169.254, lifecycle.preStop.tcpSocket.host: 10.0.0.1/ },
    ],
  },
]);
