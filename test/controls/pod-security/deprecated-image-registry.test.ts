import { deprecatedImageRegistry } from '../../../src/controls/pod-security/deprecated-image-registry.js';
import { testControl } from '../../control-tester.js';

testControl(deprecatedImageRegistry, [
  {
    name: 'k8s.gcr.io images fail; registry.k8s.io and Docker Hub pass',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: metrics-server, namespace: kube-system}
spec:
  template:
    spec:
      containers:
      - name: metrics-server
        image: k8s.gcr.io/metrics-server/metrics-server:v0.6.1
      - {name: new, image: "registry.k8s.io/metrics-server/metrics-server:v0.7.2"}
      - {name: hub, image: "nginx:1.27"}
`,
    expect: [
      { status: 'fail', subject: 'Deployment kube-system/metrics-server [metrics-server]', line: 10, message: /registry.k8s.io/ },
      { status: 'pass', subject: 'Deployment kube-system/metrics-server [new]' },
      { status: 'pass', subject: 'Deployment kube-system/metrics-server [hub]' },
    ],
  },
]);
