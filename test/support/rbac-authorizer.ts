import type { RequestAttributes } from './fake-apiserver.js';

/** A PolicyRule of a Role or ClusterRole. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

/** A Role, ClusterRole, binding or ServiceAccount of a manifest file, as far as the RBAC tests read it. */
export interface RbacManifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

/**
 * The RBAC authorizer's decision for one request against a set of rules (any rule allowing is
 * enough), as kube-apiserver's rbac.RuleAllows does: subresources are `resource/subresource`,
 * `*` matches anything, a trailing `*` in a non-resource URL matches a prefix.
 */
export function rulesAllow(rules: readonly PolicyRule[], request: RequestAttributes): boolean {
  return rules.some((rule) => {
    if (!rule.verbs.includes('*') && !rule.verbs.includes(request.verb)) return false;
    if (request.nonResourceURL !== undefined) {
      return (rule.nonResourceURLs ?? []).some((url) => url === '*' || url === request.nonResourceURL
        || (url.endsWith('*') && request.nonResourceURL!.startsWith(url.slice(0, -1))));
    }
    if (rule.nonResourceURLs && !rule.resources) return false;
    const groups = rule.apiGroups ?? [];
    if (!groups.includes('*') && !groups.includes(request.apiGroup ?? '')) return false;
    const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource ?? '';
    const resources = rule.resources ?? [];
    if (!resources.includes('*') && !resources.includes(resource)
      && !(request.subresource && resources.includes(`*/${request.subresource}`))) return false;
    const names = rule.resourceNames ?? [];
    return names.length === 0 || (request.name !== undefined && names.includes(request.name));
  });
}
