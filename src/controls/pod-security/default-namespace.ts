import type { ObjectControl } from '../control.js';
import { fail, pass } from '../control.js';
import { cis, stig } from '../../frameworks/refs.js';

/** Built-in namespaced kinds (cluster-scoped kinds such as Namespace or ClusterRole have no namespace to judge). */
const NAMESPACED_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate',
  'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'NetworkPolicy', 'ConfigMap', 'Secret', 'ServiceAccount', 'Role',
  'RoleBinding', 'PersistentVolumeClaim', 'ResourceQuota', 'LimitRange', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
  'Lease', 'ControllerRevision', 'Rollout', 'DeploymentConfig',
];

/** Objects the API server itself keeps in default: the kubernetes Service and its endpoints. */
function isApiServerService(kind: string, name: string | undefined): boolean {
  return name === 'kubernetes' && (kind === 'Service' || kind === 'Endpoints' || kind === 'EndpointSlice');
}

export const defaultNamespace: ObjectControl = {
  id: 'default-namespace',
  title: 'Resources must not be created in the default namespace',
  severity: 'low',
  family: 'pod-security',
  rationale:
    'The default namespace is where objects land when no namespace is given. Everything there shares one set of RBAC ' +
    'bindings, NetworkPolicies, quotas and Pod Security labels, so it cannot be isolated from anything else put there by ' +
    'accident (CIS 5.7.4, DISA STIG V-242383). A manifest without metadata.namespace is created in the namespace of the ' +
    'kubectl context, which is default unless one is set, so it fails too.',
  remediation: 'Create a namespace per application or team and set metadata.namespace on every object (or deploy with -n/--namespace and a context that does not default to "default").',
  refs: [...cis({ '1.7': '5.7.4', '1.11': '5.6.4' }), ...stig('V-242383')],
  scope: 'object',
  kinds: NAMESPACED_KINDS,
  evaluate({ object }) {
    const namespace = object.metadata?.namespace;
    if (isApiServerService(object.kind, object.metadata?.name) && (namespace === 'default' || namespace === undefined)) {
      return [pass('the API server\'s own kubernetes Service lives in default by design', ['metadata', 'name'])];
    }
    if (namespace === undefined || namespace === '') {
      return [fail(`${object.kind} has no metadata.namespace, so it is created in the current context's namespace: default unless one is set`, ['metadata'])];
    }
    if (namespace === 'default') return [fail(`${object.kind} is in the default namespace`, ['metadata', 'namespace'])];
    return [pass(`${object.kind} is in namespace "${namespace}"`, ['metadata', 'namespace'])];
  },
};
