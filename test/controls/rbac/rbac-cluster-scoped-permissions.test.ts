import { rbacApproveCsr } from '../../../src/controls/rbac/approve-csr.js';
import { rbacCreatePersistentVolumes } from '../../../src/controls/rbac/create-persistent-volumes.js';
import { rbacCreateServiceAccountToken } from '../../../src/controls/rbac/create-service-account-token.js';
import { rbacNodesProxy } from '../../../src/controls/rbac/nodes-proxy.js';
import { rbacWebhookConfigurations } from '../../../src/controls/rbac/webhook-configurations.js';
import { testControl } from '../../control-tester.js';
import { ARGO_CD } from './fixtures.js';

/** One ClusterRole bound to User eve, cluster-wide and (for contrast) through a RoleBinding to User rob. */
const granting = (rule: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: r}
rules:
- ${rule}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: eve}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: eve}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rob, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: rob}
`;

const argo = [{ status: 'fail' as const, subject: 'ServiceAccount argocd/argocd-application-controller' }];

testControl(rbacCreatePersistentVolumes, [
  {
    name: 'create persistentvolumes cluster-wide fails; through a RoleBinding it grants nothing',
    yaml: granting('{apiGroups: [""], resources: [persistentvolumes], verbs: [create]}'),
    expect: [{ status: 'fail', subject: 'User eve', line: 13 }, { status: 'pass', subject: 'User rob' }],
  },
  { name: 'wildcards include it', yaml: ARGO_CD, expect: argo },
  {
    name: 'persistentvolumeclaims are not persistentvolumes',
    yaml: granting('{apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create]}'),
    expect: [{ status: 'pass', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
]);

testControl(rbacNodesProxy, [
  {
    name: 'get nodes/proxy (the kubelet API) fails',
    yaml: granting('{apiGroups: [""], resources: [nodes/proxy], verbs: [get]}'),
    expect: [{ status: 'fail', subject: 'User eve', message: /get nodes\/proxy/ }, { status: 'pass', subject: 'User rob' }],
  },
  {
    name: 'the */proxy subresource wildcard matches; nodes/* is not a wildcard in RBAC',
    yaml: `${granting('{apiGroups: [""], resources: ["*/proxy"], verbs: [create]}')}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: star}
rules:
- {apiGroups: [""], resources: ["nodes/*"], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: star}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: star}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: sam}
`,
    expect: [{ status: 'fail', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }, { status: 'pass', subject: 'User sam' }],
  },
  {
    name: 'nodes without the subresource is not nodes/proxy',
    yaml: granting('{apiGroups: [""], resources: [nodes], verbs: ["*"]}'),
    expect: [{ status: 'pass', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
]);

testControl(rbacApproveCsr, [
  {
    name: 'update certificatesigningrequests/approval fails',
    yaml: granting('{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}'),
    expect: [{ status: 'fail', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
  {
    name: 'creating CSRs is not approving them; the wrong API group grants nothing',
    yaml: granting('{apiGroups: [certificates.k8s.io, ""], resources: [certificatesigningrequests], verbs: [create, get]}'),
    expect: [{ status: 'pass', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
]);

testControl(rbacWebhookConfigurations, [
  {
    name: 'patch mutatingwebhookconfigurations fails',
    yaml: granting('{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [get, patch]}'),
    expect: [{ status: 'fail', subject: 'User eve', message: /patch mutatingwebhookconfigurations/ }, { status: 'pass', subject: 'User rob' }],
  },
  {
    name: 'reading them is fine',
    yaml: granting('{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [get, list, watch]}'),
    expect: [{ status: 'pass', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
]);

testControl(rbacCreateServiceAccountToken, [
  {
    name: 'create serviceaccounts/token fails, also through a RoleBinding (namespaced)',
    yaml: granting('{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}'),
    expect: [{ status: 'fail', subject: 'User eve' }, { status: 'fail', subject: 'User rob', message: /in namespace team/ }],
  },
  {
    name: 'resourceNames cannot be bypassed for a named subresource: only that account',
    yaml: granting('{apiGroups: [""], resources: [serviceaccounts/token], resourceNames: [builder], verbs: [create]}'),
    expect: [{ status: 'pass', subject: 'User eve', message: /only builder/ }, { status: 'pass', subject: 'User rob', message: /only builder/ }],
  },
  {
    name: 'create serviceaccounts is not creating tokens',
    yaml: granting('{apiGroups: [""], resources: [serviceaccounts], verbs: [create]}'),
    expect: [{ status: 'pass', subject: 'User eve' }, { status: 'pass', subject: 'User rob' }],
  },
]);
