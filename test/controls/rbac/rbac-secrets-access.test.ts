import { rbacSecretsAccess } from '../../../src/controls/rbac/secrets-access.js';
import { testControl } from '../../control-tester.js';
import { CERT_MANAGER, INGRESS_NGINX, KUBEADM_DEFAULTS } from './fixtures.js';

testControl(rbacSecretsAccess, [
  {
    name: 'kubeadm defaults: control-plane identities are system use; an unresolved system role passes as system use',
    yaml: KUBEADM_DEFAULTS,
    expect: [
      { status: 'pass', subject: 'Group kubeadm:cluster-admins', message: /^system use/ },
      { status: 'pass', subject: 'Group system:authenticated', message: /cannot get\/list\/watch secrets/ },
      { status: 'pass', subject: 'Group system:masters', message: /^system use/ },
      { status: 'pass', subject: 'ServiceAccount kube-system/clusterrole-aggregation-controller', message: /cannot/ },
      { status: 'pass', subject: 'ServiceAccount kube-system/kube-proxy', message: /^system use: .*not among the scanned objects/ },
      { status: 'pass', subject: 'User system:kube-controller-manager', message: /^system use: .*get secrets/ },
    ],
  },
  {
    name: 'ingress-nginx reads secrets cluster-wide (ClusterRole) and in its namespace (Role): both ways named',
    yaml: INGRESS_NGINX,
    expect: [
      {
        status: 'fail',
        subject: 'ServiceAccount ingress-nginx/ingress-nginx',
        line: 33,
        message: /list\/watch secrets through ClusterRole "ingress-nginx" \(case\.yaml:2\) .*cluster-wide; get\/list\/watch secrets through Role "ingress-nginx\/ingress-nginx" .* in namespace ingress-nginx/,
      },
    ],
  },
  {
    name: 'cert-manager controller manages secrets cluster-wide',
    yaml: CERT_MANAGER,
    expect: [{ status: 'fail', subject: 'ServiceAccount cert-manager/cert-manager', message: /cert-manager-controller-certificates/ }],
  },
  {
    name: 'built-in edit bound by a RoleBinding grants secrets in that namespace (definition assumed)',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: devs-edit, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: shop-devs}
`,
    expect: [{ status: 'fail', subject: 'Group shop-devs', message: /built-in ClusterRole "system:aggregate-to-edit", aggregated/ }],
  },
  {
    name: 'view does not read secrets; resourceNames-limited get passes, naming the secret',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: auditors}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: auditors}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: read-tls, namespace: web}
rules:
- {apiGroups: [""], resources: [secrets], resourceNames: [web-tls], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-tls, namespace: web}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-tls}
subjects:
- {kind: ServiceAccount, name: web}
`,
    expect: [
      { status: 'pass', subject: 'Group auditors', message: /cannot/ },
      { status: 'pass', subject: 'ServiceAccount web/web', message: /only on named objects: get secrets \(only web-tls\)/ },
    ],
  },
  {
    name: 'Amazon EKS control-plane identities bound by eks: bindings are system use; the same user in a user binding is not',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "eks:addon-manager"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: "eks:addon-manager"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: my-admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: "eks:addon-manager"}
`,
    expect: [{ status: 'fail', subject: 'User eks:addon-manager', message: /^User eks:addon-manager can get\/list\/watch secrets: .*"my-admins"/ }],
  },
  {
    name: 'a binding to a role that is not among the objects is left to a human',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: vault}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: vault-auth}
subjects:
- {kind: ServiceAccount, name: vault, namespace: vault}
`,
    expect: [{ status: 'manual', subject: 'ServiceAccount vault/vault', message: /not among the scanned objects/ }],
  },
  {
    name: 'a wildcard in the core group reaches secrets; a wrong apiGroup does not',
    yaml: `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
rules:
- {apiGroups: [""], resources: ["*"], verbs: [get]}
- {apiGroups: [apps], resources: [secrets], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everything}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}
`,
    expect: [{ status: 'fail', subject: 'User bob', message: /bob can get\/list\/watch secrets: get secrets through ClusterRole "everything"/ }],
  },
]);
