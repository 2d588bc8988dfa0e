import { BUILT_IN_RESOURCES } from './api-resources.js';
import type { AccessQuery } from './rbac.js';

/** kubectl's short names for built-in resources. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  po: 'pods', svc: 'services', deploy: 'deployments', ds: 'daemonsets', sts: 'statefulsets', rs: 'replicasets',
  rc: 'replicationcontrollers', cj: 'cronjobs', cm: 'configmaps', sa: 'serviceaccounts', ns: 'namespaces', no: 'nodes',
  pv: 'persistentvolumes', pvc: 'persistentvolumeclaims', csr: 'certificatesigningrequests', netpol: 'networkpolicies',
  ing: 'ingresses', ep: 'endpoints', ev: 'events', hpa: 'horizontalpodautoscalers', pdb: 'poddisruptionbudgets',
  sc: 'storageclasses', crd: 'customresourcedefinitions', limits: 'limitranges', quota: 'resourcequotas',
};

export interface ParsedQuery {
  query: AccessQuery;
  /** The resource as kubeharden understood it, e.g. `deployments.apps/scale`. */
  display: string;
  /** Set when the resource is not a built-in one and no group was given: rules of any group are matched. */
  note?: string;
}

/**
 * `who-can VERB RESOURCE` as kubectl writes it: `pods`, `pod`, `po`, `pods/exec`, `deployments.apps`,
 * `deployments.apps/scale`, `certificatesigningrequests/approval`, or a non-resource URL `/metrics`.
 */
export function parseAccessQuery(verb: string, resource: string, namespace?: string, name?: string): ParsedQuery {
  const verbs = verb.split(',').map((v) => v.trim()).filter(Boolean);
  if (verbs.length === 0) throw new Error('VERB is empty');
  if (resource.startsWith('/')) {
    return { query: { verbs, resource }, display: resource };
  }
  const slash = resource.indexOf('/');
  const typed = (slash >= 0 ? resource.slice(0, slash) : resource).toLowerCase();
  const subresource = slash >= 0 ? resource.slice(slash + 1) : undefined;
  const dot = typed.indexOf('.');
  const base = dot >= 0 ? typed.slice(0, dot) : typed;
  const group = dot >= 0 ? typed.slice(dot + 1) : undefined;
  const known = BUILT_IN_RESOURCES.find((r) => r.resource === base || r.kind.toLowerCase() === base || r.resource === SHORT_NAMES[base]);
  const plural = known?.resource ?? base;
  const apiGroup = group ?? known?.group;
  const full = subresource ? `${plural}/${subresource}` : plural;
  const query: AccessQuery = { verbs, resource: full, ...(apiGroup !== undefined ? { apiGroup } : {}), ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) };
  const display = `${plural}${apiGroup ? `.${apiGroup}` : ''}${subresource ? `/${subresource}` : ''}`;
  if (apiGroup === undefined) {
    return { query, display, note: `"${plural}" is not a built-in resource and no API group was given (write RESOURCE.GROUP): rules of every API group are matched` };
  }
  return { query, display };
}
