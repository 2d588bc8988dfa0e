import { defaultNamespace } from '../../../src/controls/pod-security/default-namespace.js';
import { testControl } from '../../control-tester.js';

testControl(defaultNamespace, [
  {
    name: 'objects in a dedicated namespace pass; cluster-scoped kinds give no result',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules: []
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', line: 4 }],
  },
  {
    name: 'objects in default fail, and so do objects without a namespace (kubectl puts them in default)',
    yaml: `
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
data: {a: b}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: allow-port-forward}
rules: []
`,
    expect: [
      { status: 'fail', subject: 'ConfigMap default/settings', line: 6, message: /is in the default namespace/ },
      { status: 'fail', subject: 'Role allow-port-forward', message: /no metadata.namespace/ },
    ],
  },
  {
    name: "the API server's kubernetes Service and Endpoints in default pass",
    yaml: `
apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
spec:
  ports: [{port: 443}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: kubernetes, namespace: default}
`,
    expect: [
      { status: 'pass', subject: 'Service default/kubernetes' },
      { status: 'pass', subject: 'Endpoints default/kubernetes' },
    ],
  },
]);
