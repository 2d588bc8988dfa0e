import { defaultNamespaceInUse } from '../../../src/controls/network/default-namespace.js';
import { testControl } from '../../control-tester.js';

testControl(defaultNamespaceInUse, [
  {
    name: 'objects in default fail; without metadata.namespace they are said to land there',
    yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: default}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {template: {spec: {containers: [{name: web, image: "web:1"}]}}}
`,
    expect: [
      { status: 'fail', subject: 'ConfigMap default/settings', line: 3, message: /is in the default namespace/ },
      { status: 'fail', subject: 'Deployment web', line: 7, message: /has no metadata.namespace/ },
    ],
  },
  {
    name: "the kubernetes Service is Kubernetes' own (STIG V-242383); other namespaces pass; cluster-scoped kinds are not judged",
    yaml: `apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
spec: {ports: [{port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
`,
    expect: [
      { status: 'pass', subject: 'Service default/kubernetes', message: /Kubernetes' own/ },
      { status: 'pass', subject: 'Service shop/web' },
    ],
  },
]);
