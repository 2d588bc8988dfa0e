import { rbacCreatePods } from '../../../src/controls/rbac/create-pods.js';
import { testControl } from '../../control-tester.js';
import { INGRESS_NGINX } from './fixtures.js';

testControl(rbacCreatePods, [
  {
    name: 'a CI deployer that can create Deployments can create pods (CIS 5.1.4 workload kinds)',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: shop}
rules:
- {apiGroups: [apps], resources: [deployments], verbs: [get, create, patch]}
- {apiGroups: [batch], resources: [cronjobs], verbs: [create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployer, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
subjects:
- {kind: ServiceAccount, name: ci, namespace: ci}
`,
    expect: [{ status: 'fail', subject: 'ServiceAccount ci/ci', line: 14, message: /create deployments through Role "shop\/deployer".*; create cronjobs through/ }],
  },
  {
    name: 'patch on pods, or create with resourceNames, does not create pods',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-patcher}
rules:
- {apiGroups: [""], resources: [pods], verbs: [patch, update]}
- {apiGroups: [""], resources: [pods], resourceNames: [debug], verbs: [create]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: pod-patcher}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-patcher}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: carol}
`,
    expect: [{ status: 'pass', subject: 'User carol', message: /cannot create pods/ }],
  },
  {
    name: 'ingress-nginx only watches pods',
    yaml: INGRESS_NGINX,
    expect: [{ status: 'pass', subject: 'ServiceAccount ingress-nginx/ingress-nginx' }],
  },
  {
    name: 'system:authenticated bound to edit is never system use',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone-edits}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
`,
    expect: [{ status: 'fail', subject: 'Group system:authenticated', message: /built-in ClusterRole "edit" bound by ClusterRoleBinding "everyone-edits"/ }],
  },
]);
