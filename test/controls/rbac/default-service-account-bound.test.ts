import { defaultServiceAccountBound } from '../../../src/controls/rbac/default-service-account-bound.js';
import { testControl } from '../../control-tester.js';

testControl(defaultServiceAccountBound, [
  {
    name: 'a binding to a default service account fails on the binding, at the subject entry',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-reader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: ServiceAccount, name: web, namespace: shop}
- {kind: ServiceAccount, name: default, namespace: shop}
`,
    expect: [{ status: 'fail', subject: 'RoleBinding shop/app-reader', line: 8, message: /default service account of namespace shop/ }],
  },
  {
    name: 'a group of all service accounts of a namespace includes its default one',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ci-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts:ci"}
`,
    expect: [{ status: 'fail', subject: 'ClusterRoleBinding ci-all', message: /every service account of namespace ci/ }],
  },
  {
    name: 'Kubernetes default bindings (rbac-defaults) are system use; dedicated accounts pass',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:service-account-issuer-discovery
  labels: {kubernetes.io/bootstrapping: rbac-defaults}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:service-account-issuer-discovery"}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: web, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: web}
subjects:
- {kind: ServiceAccount, name: web, namespace: shop}
`,
    expect: [
      { status: 'pass', subject: 'ClusterRoleBinding system:service-account-issuer-discovery', message: /^system use: .*rbac-defaults/ },
      { status: 'pass', subject: 'RoleBinding shop/web', message: /binds no default service account/ },
    ],
  },
]);
