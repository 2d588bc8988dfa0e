import { rbacRoleWildcards } from '../../../src/controls/rbac/role-wildcards.js';
import { testControl } from '../../control-tester.js';
import { ARGO_CD, INGRESS_NGINX } from './fixtures.js';

testControl(rbacRoleWildcards, [
  {
    name: "Argo CD's application controller role is all wildcards, pointing at the first such rule",
    yaml: ARGO_CD,
    expect: [{ status: 'fail', subject: 'ClusterRole argocd-application-controller', line: 8, message: /rules\[0\] verbs, apiGroups, resources; rules\[1\] verbs, nonResourceURLs/ }],
  },
  {
    name: 'ingress-nginx roles list everything explicitly',
    yaml: INGRESS_NGINX,
    expect: [
      { status: 'pass', subject: 'ClusterRole ingress-nginx' },
      { status: 'pass', subject: 'Role ingress-nginx/ingress-nginx' },
    ],
  },
  {
    name: 'a built-in role with wildcards is system use; a */scale subresource wildcard in a user Role fails',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cluster-admin
  labels: {kubernetes.io/bootstrapping: rbac-defaults}
rules:
- {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: scaler, namespace: shop}
rules:
- {apiGroups: [apps], resources: ["*/scale"], verbs: [update]}
`,
    expect: [
      { status: 'pass', subject: 'ClusterRole cluster-admin', message: /^system use: built-in/ },
      { status: 'fail', subject: 'Role shop/scaler', line: 14, message: /rules\[0\] resources/ },
    ],
  },
]);
