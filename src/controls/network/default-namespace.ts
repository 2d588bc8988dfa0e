import type { ObjectControl } from '../control.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';
import { BUILT_IN_RESOURCES } from '../../evidence/api-resources.js';
import { nameOf, namespaceOf } from '../../evidence/inventory.js';

/** What Kubernetes itself keeps in `default` (STIG V-242383: "it is not the kubernetes service"). */
const SYSTEM_OBJECTS_IN_DEFAULT: readonly string[] = [
  'Service/kubernetes',
  'Endpoints/kubernetes',
  'EndpointSlice/kubernetes',
  'ServiceAccount/default',
  'ConfigMap/kube-root-ca.crt',
];

/** Kinds whose objects are user-managed resources when found in a namespace (events and leases are not). */
const CHECKED_KINDS = BUILT_IN_RESOURCES.filter((r) => r.namespaced && !['Event', 'Lease', 'Binding', 'LocalSubjectAccessReview', 'ControllerRevision'].includes(r.kind)).map((r) => r.kind);

/** CIS 5.7.4 (5.6.4 from 1.11) and STIG V-242383: judged on each namespaced object. */
export const defaultNamespaceInUse: ObjectControl = {
  id: 'default-namespace-in-use',
  title: 'The default namespace is not used for user resources',
  severity: 'medium',
  family: 'network',
  rationale:
    'Resources in the default namespace share it with everything deployed without a namespace: no boundary for RBAC, NetworkPolicies, quotas or Pod Security labels separates them.',
  remediation: 'Create a dedicated namespace for the application, set metadata.namespace on its objects (or deploy with -n), and move it out of default.',
  refs: [...cis({ '1.7': '5.7.4', '1.11': '5.6.4' }), ...stig('V-242383'), ...nsaCisa('network/namespaces'), ...cisEks({ '1.5.0': '4.5.3', '1.7.0': '4.5.2' })],
  scope: 'object',
  kinds: CHECKED_KINDS,
  evaluate({ object }) {
    const where = namespaceOf(object);
    if (!where) return [];
    if (where.namespace !== 'default') return [{ status: 'pass', message: `in namespace ${where.namespace}`, path: ['metadata', 'namespace'] }];
    if (SYSTEM_OBJECTS_IN_DEFAULT.includes(`${object.kind}/${nameOf(object)}`)) {
      return [{ status: 'pass', message: `${object.kind} ${nameOf(object)} is Kubernetes' own object in default` }];
    }
    if (where.assumed) {
      return [{ status: 'fail', message: 'has no metadata.namespace: kubectl apply without -n puts it in the default namespace', path: ['metadata'] }];
    }
    return [{ status: 'fail', message: 'is in the default namespace', path: ['metadata', 'namespace'] }];
  },
};
