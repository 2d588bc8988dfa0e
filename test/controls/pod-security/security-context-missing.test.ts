import { securityContextMissing } from '../../../src/controls/pod-security/security-context-missing.js';
import { testControl } from '../../control-tester.js';

testControl(securityContextMissing, [
  {
    name: 'a container with its own securityContext passes; one with none in a pod with none fails',
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
      - name: sidecar
        image: sidecar:1
        securityContext: {}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]', line: 11 },
      { status: 'fail', subject: 'Deployment shop/web [sidecar]', line: 12 },
    ],
  },
  {
    name: 'a pod-level securityContext counts for containers without their own',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: app, image: app:1}]
`,
    expect: [{ status: 'pass', subject: 'Pod ns/p [app]', line: 6, message: /the pod has one/ }],
  },
]);
