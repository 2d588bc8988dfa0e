import { rbacBindEscalateImpersonate } from '../../../src/controls/rbac/bind-escalate-impersonate.js';
import { testControl } from '../../control-tester.js';
import { KUBEADM_DEFAULTS } from './fixtures.js';

const bound = (rules: string, kind = 'ClusterRoleBinding') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: r}
rules:
${rules}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: b, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: dave}
`;

testControl(rbacBindEscalateImpersonate, [
  {
    name: "the clusterrole-aggregation-controller's escalate is system use",
    yaml: KUBEADM_DEFAULTS,
    expect: [
      { status: 'pass', subject: 'Group kubeadm:cluster-admins', message: /^system use/ },
      { status: 'pass', subject: 'Group system:authenticated' },
      { status: 'pass', subject: 'Group system:masters', message: /^system use/ },
      { status: 'pass', subject: 'ServiceAccount kube-system/clusterrole-aggregation-controller', message: /^system use: .*escalate clusterroles/ },
      { status: 'pass', subject: 'ServiceAccount kube-system/kube-proxy' },
      { status: 'pass', subject: 'User system:kube-controller-manager' },
    ],
  },
  {
    name: 'impersonate on users fails',
    yaml: bound('- {apiGroups: [""], resources: [users, groups], verbs: [impersonate]}'),
    expect: [{ status: 'fail', subject: 'User dave', message: /impersonate users, groups/ }],
  },
  {
    name: 'bind on roles through a RoleBinding fails in that namespace',
    yaml: bound('- {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [bind]}', 'RoleBinding'),
    expect: [{ status: 'fail', subject: 'User dave', message: /bind roles .* in namespace team/ }],
  },
  {
    name: 'escalate on clusterroles through a RoleBinding grants nothing (cluster-scoped)',
    yaml: bound('- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate]}', 'RoleBinding'),
    expect: [{ status: 'pass', subject: 'User dave' }],
  },
  {
    name: 'create/update on roles is not bind or escalate',
    yaml: bound('- {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, update]}'),
    expect: [{ status: 'pass', subject: 'User dave' }],
  },
]);
