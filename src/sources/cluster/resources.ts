/** One kind of object the cluster source lists, and where the API serves it. */
export interface ResourceType {
  kind: string;
  /** `v1` or `group/version`, as the objects' apiVersion. */
  apiVersion: string;
  /** The URL segment (plural, lower case). */
  plural: string;
  namespaced: boolean;
  /**
   * Listed as PartialObjectMetadata: the server sends metadata only. Used for Secrets so their
   * data is never requested, let alone held or written.
   */
  metadataOnly?: boolean;
  /** Evidence about nodes and the control plane rather than about a namespace: read with -A only. */
  nodeLevel?: boolean;
}

const t = (kind: string, apiVersion: string, plural: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType => ({
  kind, apiVersion, plural, namespaced, ...extra,
});

/**
 * Everything the cluster source reads, in the order it is reported. Workload controllers come
 * before Pods so a pod can be reported through its owner (see OwnerIndex).
 */
export const CLUSTER_RESOURCES: readonly ResourceType[] = [
  t('Namespace', 'v1', 'namespaces', false),
  t('Node', 'v1', 'nodes', false, { nodeLevel: true }),
  t('ServiceAccount', 'v1', 'serviceaccounts', true),
  t('Secret', 'v1', 'secrets', true, { metadataOnly: true }),
  // Their data: credentials-in-configmap reads it, and on EKS the aws-auth ConfigMap maps IAM to groups.
  t('ConfigMap', 'v1', 'configmaps', true),
  t('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', false),
  t('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', false),
  t('Role', 'rbac.authorization.k8s.io/v1', 'roles', true),
  t('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', true),
  t('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies', true),
  t('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', false),
  t('MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', false),
  t('CronJob', 'batch/v1', 'cronjobs', true),
  t('Job', 'batch/v1', 'jobs', true),
  t('Deployment', 'apps/v1', 'deployments', true),
  t('ReplicaSet', 'apps/v1', 'replicasets', true),
  t('StatefulSet', 'apps/v1', 'statefulsets', true),
  t('DaemonSet', 'apps/v1', 'daemonsets', true),
  t('ReplicationController', 'v1', 'replicationcontrollers', true),
  t('PodTemplate', 'v1', 'podtemplates', true),
  t('Pod', 'v1', 'pods', true),
];

/** The kubelet's configuration as read from nodes/NAME/proxy/configz, one object per node. */
export const KUBELET_CONFIGURATION = { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration' } as const;

export const POD_RESOURCE = CLUSTER_RESOURCES.find((r) => r.kind === 'Pod')!;

/** `/api/v1` or `/apis/group/version`. */
export function apiPrefix(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

/** The list URL path of a resource, across all namespaces or in one. */
export function listPath(resource: ResourceType, namespace?: string): string {
  const ns = resource.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${apiPrefix(resource.apiVersion)}${ns}/${resource.plural}`;
}

/** "secrets in all namespaces", "secrets in namespace shop", "nodes". */
export function describeScope(resource: ResourceType, namespace?: string): string {
  if (!resource.namespaced) return resource.plural;
  return namespace === undefined ? `${resource.plural} in all namespaces` : `${resource.plural} in namespace ${namespace}`;
}
