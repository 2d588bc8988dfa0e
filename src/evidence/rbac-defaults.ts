import type { KubeObject } from './kube-object.js';

/**
 * The user-facing ClusterRoles every Kubernetes cluster ships (bootstrap policy of
 * k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy), used when a binding refers
 * to one whose definition is not among the scanned objects. Only the rules that the CIS 5.1
 * checks and `who-can` ask about are spelled out; `admin`/`edit`/`view` aggregate as in a
 * cluster (edit is labelled aggregate-to-admin, view aggregate-to-edit).
 */
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
const BOOTSTRAP_LABEL = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

const clusterRole = (name: string, labels: Record<string, string>, rules: unknown[], aggregateTo?: string): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels: { ...BOOTSTRAP_LABEL, ...labels } },
  ...(aggregateTo
    ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${aggregateTo}`]: 'true' } }] } }
    : {}),
  rules,
});

const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs });

export const BUILT_IN_CLUSTER_ROLES: readonly KubeObject[] = [
  clusterRole('cluster-admin', {}, [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }]),
  clusterRole('admin', {}, [], 'admin'),
  clusterRole('edit', { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, [], 'edit'),
  clusterRole('view', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, [], 'view'),
  clusterRole('system:aggregate-to-admin', { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, [
    rule(['rbac.authorization.k8s.io'], ['roles', 'rolebindings'], [...WRITE, ...READ]),
    rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  ]),
  clusterRole('system:aggregate-to-edit', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, [
    rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
    rule([''], ['serviceaccounts'], ['impersonate']),
    rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
    rule([''], ['pods/eviction'], ['create']),
    rule([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
    rule([''], ['serviceaccounts/token'], ['create']),
    rule(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
    rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
    rule(['batch'], ['cronjobs', 'jobs'], WRITE),
    rule(['policy'], ['poddisruptionbudgets'], WRITE),
    rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
    rule(['coordination.k8s.io'], ['leases'], [...WRITE, ...READ]),
  ]),
  clusterRole('system:aggregate-to-view', { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, [
    rule([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
    rule([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
    rule([''], ['namespaces'], READ),
    rule(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
    rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
    rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
    rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
    rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
    rule(['discovery.k8s.io'], ['endpointslices'], READ),
  ]),
];

/** Groups every authenticated (or anonymous) request carries: bindings to them are never "system use". */
export const BROAD_GROUPS: readonly string[] = ['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts'];

/** Bindings kubeadm creates that are not labelled rbac-defaults (kubeadm init phase bootstrap-token / upload-config / addon). */
export const KUBEADM_BINDINGS: readonly string[] = [
  'kubeadm:cluster-admins',
  'kubeadm:get-nodes',
  'kubeadm:kubelet-bootstrap',
  'kubeadm:node-autoapprove-bootstrap',
  'kubeadm:node-autoapprove-certificate-rotation',
  'kubeadm:node-proxier',
  'kubeadm:nodes-kubeadm-config',
  'kubeadm:kubelet-config',
  'kubeadm:bootstrap-signer-clusterinfo',
  'kube-proxy',
  'system:coredns',
];
