import { rbacClusterAdminBinding } from '../../../src/controls/rbac/cluster-admin-binding.js';
import { testControl } from '../../control-tester.js';
import { ARGO_CD, KUBEADM_DEFAULTS } from './fixtures.js';

testControl(rbacClusterAdminBinding, [
  {
    name: "a kubeadm cluster's own cluster-admin bindings are system use, reported as pass",
    yaml: KUBEADM_DEFAULTS,
    expect: [
      { status: 'pass', subject: 'Group kubeadm:cluster-admins', line: 17, message: /^system use: .*admin\.conf/ },
      { status: 'pass', subject: 'Group system:authenticated', message: /not bound to cluster-admin/ },
      { status: 'pass', subject: 'Group system:masters', line: 9, message: /^system use: .*rbac-defaults/ },
      { status: 'pass', subject: 'ServiceAccount kube-system/clusterrole-aggregation-controller' },
      { status: 'pass', subject: 'ServiceAccount kube-system/kube-proxy' },
      { status: 'pass', subject: 'User system:kube-controller-manager' },
    ],
  },
  {
    name: 'a user added to a ClusterRoleBinding to cluster-admin fails on the user, naming the binding and its line',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: alice@example.com}
- {kind: ServiceAccount, name: deployer, namespace: ci}
`,
    expect: [
      { status: 'fail', subject: 'ServiceAccount ci/deployer', line: 8, message: /ClusterRoleBinding "ops-admins" \(case\.yaml:8\) cluster-wide/ },
      { status: 'fail', subject: 'User alice@example.com', line: 7, message: /is cluster-admin: built-in ClusterRole "cluster-admin"/ },
    ],
  },
  {
    name: 'a RoleBinding to cluster-admin is namespace admin, not cluster-admin (CIS 5.1.1 audits clusterrolebindings)',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admin, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: shop-team}
`,
    expect: [{ status: 'pass', subject: 'Group shop-team', message: /only within a namespace/ }],
  },
  {
    name: 'a non-default binding named like the default one, adding a group, still fails',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: cluster-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: developers}
`,
    expect: [
      { status: 'fail', subject: 'Group developers', line: 8 },
      { status: 'pass', subject: 'Group system:masters', message: /Kubernetes system group/ },
    ],
  },
  {
    name: 'a wildcard ClusterRole is not cluster-admin itself (rbac-role-wildcards reports it)',
    yaml: ARGO_CD,
    expect: [{ status: 'pass', subject: 'ServiceAccount argocd/argocd-application-controller' }],
  },
]);
