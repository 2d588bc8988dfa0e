import { rbacSystemMasters } from '../../../src/controls/rbac/system-masters.js';
import { testControl } from '../../control-tester.js';
import { KUBEADM_DEFAULTS } from './fixtures.js';

const CERTIFICATES = /client certificates with O=system:masters/;

testControl(rbacSystemMasters, [
  {
    name: 'the default cluster-admin binding is system use; certificate membership is always manual',
    yaml: KUBEADM_DEFAULTS,
    expect: [
      { status: 'pass', subject: 'Group system:masters', line: 9, message: /^system use/ },
      { status: 'manual', subject: 'Group system:masters', message: CERTIFICATES },
    ],
  },
  {
    name: 'a user binding that names system:masters fails',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: masters-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
`,
    expect: [
      { status: 'fail', subject: 'Group system:masters', line: 7, message: /ClusterRoleBinding "masters-view"/ },
      { status: 'manual', subject: 'Group system:masters', message: CERTIFICATES },
    ],
  },
  {
    name: 'a whole cluster always gets the certificate review; manifests without RBAC do not',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    complete: true,
    expect: [{ status: 'manual', subject: 'Group system:masters', message: CERTIFICATES }],
  },
  {
    name: 'manifests without any binding say nothing about system:masters',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    expect: [],
  },
]);
