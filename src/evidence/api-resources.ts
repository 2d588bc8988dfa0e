/**
 * Facts about built-in Kubernetes API resources that RBAC and namespace checks need without a
 * live discovery endpoint: the API group and scope of each resource, and which kinds are namespaced.
 */

export interface ApiResource {
  /** Plural resource name as RBAC rules write it, e.g. `deployments`. */
  resource: string;
  kind: string;
  /** API group; '' is the core group. */
  group: string;
  namespaced: boolean;
}

const R = (resource: string, kind: string, group: string, namespaced: boolean): ApiResource => ({ resource, kind, group, namespaced });

export const BUILT_IN_RESOURCES: readonly ApiResource[] = [
  R('pods', 'Pod', '', true),
  R('podtemplates', 'PodTemplate', '', true),
  R('replicationcontrollers', 'ReplicationController', '', true),
  R('services', 'Service', '', true),
  R('endpoints', 'Endpoints', '', true),
  R('configmaps', 'ConfigMap', '', true),
  R('secrets', 'Secret', '', true),
  R('serviceaccounts', 'ServiceAccount', '', true),
  R('persistentvolumeclaims', 'PersistentVolumeClaim', '', true),
  R('events', 'Event', '', true),
  R('limitranges', 'LimitRange', '', true),
  R('resourcequotas', 'ResourceQuota', '', true),
  R('bindings', 'Binding', '', true),
  R('namespaces', 'Namespace', '', false),
  R('nodes', 'Node', '', false),
  R('persistentvolumes', 'PersistentVolume', '', false),
  R('componentstatuses', 'ComponentStatus', '', false),
  // Impersonation targets (CIS 5.1.8): not stored objects, but RBAC resources of the core group.
  R('users', 'User', '', false),
  R('groups', 'Group', '', false),
  R('deployments', 'Deployment', 'apps', true),
  R('replicasets', 'ReplicaSet', 'apps', true),
  R('statefulsets', 'StatefulSet', 'apps', true),
  R('daemonsets', 'DaemonSet', 'apps', true),
  R('controllerrevisions', 'ControllerRevision', 'apps', true),
  R('jobs', 'Job', 'batch', true),
  R('cronjobs', 'CronJob', 'batch', true),
  R('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', true),
  R('poddisruptionbudgets', 'PodDisruptionBudget', 'policy', true),
  R('podsecuritypolicies', 'PodSecurityPolicy', 'policy', false),
  R('ingresses', 'Ingress', 'networking.k8s.io', true),
  R('ingressclasses', 'IngressClass', 'networking.k8s.io', false),
  R('networkpolicies', 'NetworkPolicy', 'networking.k8s.io', true),
  R('endpointslices', 'EndpointSlice', 'discovery.k8s.io', true),
  R('roles', 'Role', 'rbac.authorization.k8s.io', true),
  R('rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io', true),
  R('clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io', false),
  R('clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', false),
  R('certificatesigningrequests', 'CertificateSigningRequest', 'certificates.k8s.io', false),
  R('signers', 'Signer', 'certificates.k8s.io', false),
  R('leases', 'Lease', 'coordination.k8s.io', true),
  R('storageclasses', 'StorageClass', 'storage.k8s.io', false),
  R('volumeattachments', 'VolumeAttachment', 'storage.k8s.io', false),
  R('csidrivers', 'CSIDriver', 'storage.k8s.io', false),
  R('csinodes', 'CSINode', 'storage.k8s.io', false),
  R('priorityclasses', 'PriorityClass', 'scheduling.k8s.io', false),
  R('runtimeclasses', 'RuntimeClass', 'node.k8s.io', false),
  R('validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', false),
  R('mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io', false),
  R('validatingadmissionpolicies', 'ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', false),
  R('validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', false),
  R('customresourcedefinitions', 'CustomResourceDefinition', 'apiextensions.k8s.io', false),
  R('apiservices', 'APIService', 'apiregistration.k8s.io', false),
  R('tokenreviews', 'TokenReview', 'authentication.k8s.io', false),
  R('subjectaccessreviews', 'SubjectAccessReview', 'authorization.k8s.io', false),
  R('localsubjectaccessreviews', 'LocalSubjectAccessReview', 'authorization.k8s.io', true),
  R('flowschemas', 'FlowSchema', 'flowcontrol.apiserver.k8s.io', false),
  R('prioritylevelconfigurations', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', false),
];

const BY_RESOURCE = new Map(BUILT_IN_RESOURCES.map((r) => [r.resource, r]));
const BY_KIND = new Map(BUILT_IN_RESOURCES.map((r) => [r.kind, r]));

/** Cluster-scoped kinds that are not built-in resources but common in scanned manifests. */
const OTHER_CLUSTER_SCOPED_KINDS = new Set([
  'CiliumClusterwideNetworkPolicy',
  'ClusterIssuer',
  'ClusterPolicy', // Kyverno
  'ClusterPolicyReport',
  'ClusterSecretStore',
  'GlobalNetworkPolicy', // Calico
  'ClusterAdmissionPolicy', // Kubewarden
  'ClusterServingRuntime',
]);

/** The built-in resource a `resource[/subresource]` string names, ignoring the subresource. */
export function builtInResource(resource: string): ApiResource | undefined {
  return BY_RESOURCE.get(resource.split('/')[0]!);
}

/**
 * Whether objects of `kind` live in a namespace: true or false for known kinds, undefined for
 * custom kinds the scan cannot know without the CRD (they are never assumed to be in `default`).
 */
export function isNamespacedKind(kind: string): boolean | undefined {
  if (OTHER_CLUSTER_SCOPED_KINDS.has(kind)) return false;
  return BY_KIND.get(kind)?.namespaced;
}
