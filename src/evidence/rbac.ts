import { builtInResource } from './api-resources.js';
import { nameOf, type Inventory } from './inventory.js';
import { asArray, isRecord, type FieldPath, type SourcedObject } from './kube-object.js';
import { selectorMatches } from './label-selector.js';
import { BROAD_GROUPS, BUILT_IN_CLUSTER_ROLES, KUBEADM_BINDINGS } from './rbac-defaults.js';

/** A user, group or service account named in a binding. */
export interface Principal {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
}

/** One PolicyRule of a Role or ClusterRole, with where it was written. */
export interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
  /** The role the rule is written in (for an aggregated ClusterRole: the aggregated one). */
  role: RoleDef;
  path: FieldPath;
}

export interface RoleDef {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace?: string;
  sourced: SourcedObject;
  /** A built-in ClusterRole whose definition was not among the objects: Kubernetes' defaults are assumed. */
  assumed: boolean;
  /** Its own rules. */
  ownRules: Rule[];
  /** What it grants: its own rules plus, for an aggregated ClusterRole, those of every ClusterRole it selects. */
  rules: Rule[];
  /** The ClusterRoles aggregated into it. */
  aggregated: RoleDef[];
}

export interface BindingDef {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace?: string;
  sourced: SourcedObject;
  roleRef: { kind: string; name: string };
  /** The role it refers to; undefined when neither among the objects nor built in. */
  role?: RoleDef;
  subjects: { principal: Principal; path: FieldPath }[];
}

/** A principal's share of a binding. */
export interface Grant {
  principal: Principal;
  binding: BindingDef;
  /** The binding's subjects entry, for file:line. */
  subjectPath: FieldPath;
  /** Where it applies: a namespace (RoleBinding), or undefined for cluster-wide (ClusterRoleBinding). */
  namespace?: string;
}

/** "Can someone VERB RESOURCE?": `resource` is `pods`, `pods/exec`, or a non-resource URL such as `/metrics`. */
export interface AccessQuery {
  verbs: readonly string[];
  resource: string;
  /** API group; undefined matches rules of any group (for resources the scan cannot place). */
  apiGroup?: string;
  /** Only grants that apply in this namespace. */
  namespace?: string;
  /** A specific object name (resourceNames). */
  name?: string;
}

export interface AccessMatch {
  grant: Grant;
  rule: Rule;
  /** The resource (or non-resource URL) asked about. */
  resource: string;
  /** The asked verbs the rule allows. */
  verbs: string[];
  /** Set when the rule is limited by resourceNames. */
  resourceNames?: string[];
}

const RBAC_API = 'rbac.authorization.k8s.io/v1';
/** The kinds an RBAC model is built from. */
export const RBAC_KINDS = ['ClusterRole', 'Role', 'ClusterRoleBinding', 'RoleBinding'] as const;
const MODELS = new WeakMap<Inventory, RbacModel>();
const strings = (value: unknown): string[] => asArray(value).filter((v): v is string => typeof v === 'string');

export function principalKey(p: Principal): string {
  return `${p.kind}/${p.namespace ?? ''}/${p.name}`;
}

/** `User jane`, `Group dev`, `ServiceAccount shop/web`. */
export function principalLabel(p: Principal): string {
  return p.kind === 'ServiceAccount' ? `ServiceAccount ${p.namespace ?? '?'}/${p.name}` : `${p.kind} ${p.name}`;
}

/** The apiVersion results use for a principal subject. */
export function principalApiVersion(p: Principal): string {
  return p.kind === 'ServiceAccount' ? 'v1' : RBAC_API;
}

/** `file:line` of a field of an object, or '' when it came from no file. */
export function locationOf(sourced: SourcedObject, path: FieldPath = []): string {
  return sourced.origin ? `${sourced.origin.file}:${sourced.origin.lineOf(path)}` : '';
}

/** `ValidatingWebhookConfiguration kyverno (k8s/kyverno.yaml:12)`. */
export function describeObject(sourced: SourcedObject): string {
  const { object } = sourced;
  const namespace = object.metadata?.namespace;
  const at = locationOf(sourced);
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${nameOf(object)}${at ? ` (${at})` : ''}`;
}

export function describeRole(role: RoleDef): string {
  const name = role.namespace ? `${role.namespace}/${role.name}` : role.name;
  if (role.assumed) return `built-in ${role.kind} "${name}"`;
  const at = locationOf(role.sourced);
  return `${role.kind} "${name}"${at ? ` (${at})` : ''}`;
}

export function describeBinding(binding: BindingDef, path?: FieldPath): string {
  const name = binding.namespace ? `${binding.namespace}/${binding.name}` : binding.name;
  const at = locationOf(binding.sourced, path);
  return `${binding.kind} "${name}"${at ? ` (${at})` : ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Effective RBAC permissions of a set of Roles, ClusterRoles and bindings, from any source:
 * aggregated ClusterRoles resolved through their label selectors, bindings followed to each
 * subject, wildcards, resourceNames, subresources and non-resource URLs matched as the
 * Kubernetes RBAC authorizer does.
 */
export class RbacModel {
  readonly roles: RoleDef[] = [];
  readonly bindings: BindingDef[] = [];
  private readonly clusterRoles = new Map<string, RoleDef>();
  private readonly namespacedRoles = new Map<string, RoleDef>();
  private readonly grantsByPrincipal = new Map<string, Grant[]>();
  private readonly principalList: Principal[] = [];

  /** The model of an inventory's RBAC objects, built once however many controls ask. */
  static fromInventory(inventory: Inventory): RbacModel {
    let model = MODELS.get(inventory);
    if (!model) {
      model = new RbacModel(inventory.ofKind(...RBAC_KINDS));
      MODELS.set(inventory, model);
    }
    return model;
  }

  constructor(objects: readonly SourcedObject[]) {
    for (const sourced of objects) {
      const { kind } = sourced.object;
      if (kind === 'ClusterRole' || kind === 'Role') this.addRole(sourced, false);
    }
    for (const object of BUILT_IN_CLUSTER_ROLES) {
      if (!this.clusterRoles.has(nameOf(object))) this.addRole({ object }, true);
    }
    for (const role of this.clusterRoles.values()) this.resolveAggregation(role, new Set());
    for (const sourced of objects) {
      const { kind } = sourced.object;
      if (kind === 'ClusterRoleBinding' || kind === 'RoleBinding') this.addBinding(sourced);
    }
    this.principalList.sort((a, b) => compare(a.kind, b.kind) || compare(a.namespace ?? '', b.namespace ?? '') || compare(a.name, b.name));
  }

  private addRole(sourced: SourcedObject, assumed: boolean): void {
    const { object } = sourced;
    const kind = object.kind as RoleDef['kind'];
    const namespace = kind === 'Role' ? (object.metadata?.namespace ?? 'default') : undefined;
    const role: RoleDef = { kind, name: nameOf(object), namespace, sourced, assumed, ownRules: [], rules: [], aggregated: [] };
    asArray(object.rules).forEach((raw, index) => {
      if (!isRecord(raw)) return;
      role.ownRules.push({
        verbs: strings(raw.verbs),
        apiGroups: strings(raw.apiGroups),
        resources: strings(raw.resources),
        resourceNames: strings(raw.resourceNames),
        nonResourceURLs: strings(raw.nonResourceURLs),
        role,
        path: ['rules', index],
      });
    });
    role.rules = [...role.ownRules];
    if (!assumed) this.roles.push(role);
    if (kind === 'ClusterRole') {
      if (!this.clusterRoles.has(role.name)) this.clusterRoles.set(role.name, role);
    } else {
      this.namespacedRoles.set(`${namespace}/${role.name}`, role);
    }
  }

  /** The aggregation controller writes the rules of every selected ClusterRole into the aggregating one. */
  private resolveAggregation(role: RoleDef, visiting: Set<string>): Rule[] {
    const selectors = asArray((role.sourced.object.aggregationRule as { clusterRoleSelectors?: unknown } | undefined)?.clusterRoleSelectors);
    if (selectors.length === 0 || visiting.has(role.name)) return role.rules;
    if (role.aggregated.length > 0) return role.rules;
    visiting.add(role.name);
    const rules = [...role.ownRules];
    for (const other of [...this.clusterRoles.values()].sort((a, b) => compare(a.name, b.name))) {
      if (other === role) continue;
      const labels = other.sourced.object.metadata?.labels;
      if (!selectors.some((selector) => selectorMatches(selector, labels))) continue;
      role.aggregated.push(other);
      rules.push(...this.resolveAggregation(other, visiting));
    }
    visiting.delete(role.name);
    role.rules = rules;
    return rules;
  }

  private addBinding(sourced: SourcedObject): void {
    const { object } = sourced;
    const kind = object.kind as BindingDef['kind'];
    const namespace = kind === 'RoleBinding' ? (object.metadata?.namespace ?? 'default') : undefined;
    const ref = isRecord(object.roleRef) ? object.roleRef : {};
    const roleRef = { kind: typeof ref.kind === 'string' ? ref.kind : 'ClusterRole', name: typeof ref.name === 'string' ? ref.name : '' };
    const role = roleRef.kind === 'Role' ? this.namespacedRoles.get(`${namespace}/${roleRef.name}`) : this.clusterRoles.get(roleRef.name);
    const binding: BindingDef = { kind, name: nameOf(object), namespace, sourced, roleRef, role, subjects: [] };
    asArray(object.subjects).forEach((raw, index) => {
      if (!isRecord(raw) || typeof raw.name !== 'string') return;
      if (raw.kind !== 'User' && raw.kind !== 'Group' && raw.kind !== 'ServiceAccount') return;
      const principal: Principal = { kind: raw.kind, name: raw.name };
      if (raw.kind === 'ServiceAccount') {
        // A service account subject without a namespace is the binding's own namespace (as kubectl create rolebinding writes it).
        principal.namespace = typeof raw.namespace === 'string' && raw.namespace !== '' ? raw.namespace : (namespace ?? 'default');
      }
      binding.subjects.push({ principal, path: ['subjects', index] });
    });
    this.bindings.push(binding);
    for (const { principal, path } of binding.subjects) {
      const key = principalKey(principal);
      let grants = this.grantsByPrincipal.get(key);
      if (!grants) {
        grants = [];
        this.grantsByPrincipal.set(key, grants);
        this.principalList.push(principal);
      }
      grants.push({ principal, binding, subjectPath: path, namespace });
    }
  }

  /** Every user, group and service account some binding names, sorted by kind, namespace, name. */
  principals(): readonly Principal[] {
    return this.principalList;
  }

  grantsOf(principal: Principal): readonly Grant[] {
    return this.grantsByPrincipal.get(principalKey(principal)) ?? [];
  }

  /** What the principal's bindings allow of `query` (directly, not through groups it may belong to). */
  access(principal: Principal, query: AccessQuery): AccessMatch[] {
    return this.grantsOf(principal).flatMap((grant) => grantAllows(grant, query));
  }

  /** Every principal that some binding allows `query`, with how. */
  whoCan(query: AccessQuery): { principal: Principal; matches: AccessMatch[] }[] {
    return this.principalList
      .map((principal) => ({ principal, matches: this.access(principal, query) }))
      .filter((entry) => entry.matches.length > 0);
  }
}

function isNonResource(resource: string): boolean {
  return resource.startsWith('/');
}

/** The rules of a grant that allow the query; none when its role is unknown. */
export function grantAllows(grant: Grant, query: AccessQuery): AccessMatch[] {
  const role = grant.binding.role;
  if (!role) return [];
  if (grant.namespace !== undefined) {
    // A RoleBinding grants nothing on cluster-scoped resources or non-resource URLs, and only in its namespace.
    if (isNonResource(query.resource)) return [];
    if (builtInResource(query.resource)?.namespaced === false) return [];
    if (query.namespace !== undefined && query.namespace !== grant.namespace) return [];
  }
  const matches: AccessMatch[] = [];
  for (const rule of role.rules) {
    const verbs = query.verbs.filter((verb) => rule.verbs.includes('*') || rule.verbs.includes(verb));
    if (verbs.length === 0) continue;
    if (isNonResource(query.resource)) {
      if (rule.nonResourceURLs.some((url) => url === '*' || url === query.resource || (url.endsWith('*') && query.resource.startsWith(url.slice(0, -1))))) {
        matches.push({ grant, rule, resource: query.resource, verbs });
      }
      continue;
    }
    if (query.apiGroup !== undefined && !rule.apiGroups.includes('*') && !rule.apiGroups.includes(query.apiGroup)) continue;
    if (query.apiGroup === undefined && rule.apiGroups.length === 0) continue;
    if (!resourceMatches(rule.resources, query.resource)) continue;
    if (rule.resourceNames.length > 0) {
      if (query.name !== undefined && !rule.resourceNames.includes(query.name)) continue;
      // A create (or deletecollection) of a top-level resource carries no name: resourceNames rules never allow it.
      const named = query.resource.includes('/') ? verbs : verbs.filter((v) => v !== 'create' && v !== 'deletecollection');
      if (named.length === 0) continue;
      matches.push({ grant, rule, resource: query.resource, verbs: named, ...(query.name === undefined ? { resourceNames: rule.resourceNames } : {}) });
      continue;
    }
    matches.push({ grant, rule, resource: query.resource, verbs });
  }
  return matches;
}

// RBAC resource matching: "*", the exact "resource[/subresource]", or "*" + "/subresource".
export function resourceMatches(ruleResources: readonly string[], resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash >= 0 ? resource.slice(slash + 1) : undefined;
  return ruleResources.some((r) => r === '*' || r === resource || (subresource !== undefined && r === `*/${subresource}`));
}

/** A rule written with a wildcard (CIS 5.1.3): `*` among verbs, resources, apiGroups or non-resource URLs. */
export function wildcardsOf(rule: Rule): string[] {
  const found: string[] = [];
  if (rule.verbs.includes('*')) found.push('verbs');
  if (rule.apiGroups.includes('*')) found.push('apiGroups');
  if (rule.resources.some((r) => r === '*' || r.startsWith('*/'))) found.push('resources');
  if (rule.nonResourceURLs.some((u) => u.endsWith('*'))) found.push('nonResourceURLs');
  return found;
}

/** Name prefixes of bindings and roles that Kubernetes, kubeadm and Amazon EKS create for themselves. */
const MANAGED_PREFIXES = ['system:', 'kubeadm:', 'eks:'];

/** Built-in roles: shipped by Kubernetes (labelled rbac-defaults, or system:-prefixed) or kubeadm. */
export function isBuiltInRole(role: RoleDef): boolean {
  const labels = role.sourced.object.metadata?.labels;
  return role.assumed || labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults' || MANAGED_PREFIXES.some((p) => role.name.startsWith(p))
    || (role.kind === 'ClusterRole' && ['cluster-admin', 'admin', 'edit', 'view'].includes(role.name));
}

/**
 * Why a grant is the cluster's own ("system use", CIS 5.1.1), or undefined when it is a user's:
 * Kubernetes', kubeadm's and EKS's own principals (system:-prefixed users and groups other than the
 * groups every request carries; kube-system service accounts of built-in bindings), and bindings
 * the API server itself maintains (labelled kubernetes.io/bootstrapping=rbac-defaults).
 */
export function systemUse(grant: Grant): string | undefined {
  const { principal, binding } = grant;
  const labels = binding.sourced.object.metadata?.labels;
  if (labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults') {
    return `${describeBinding(binding)} is a Kubernetes default (labelled kubernetes.io/bootstrapping=rbac-defaults)`;
  }
  const builtInBinding = MANAGED_PREFIXES.some((p) => binding.name.startsWith(p)) || KUBEADM_BINDINGS.includes(binding.name);
  if (principal.kind === 'User' && principal.name.startsWith('system:') && principal.name !== 'system:anonymous') {
    return `${principalLabel(principal)} is a Kubernetes component identity`;
  }
  if ((principal.kind === 'User' || principal.kind === 'Group') && principal.name.startsWith('eks:') && binding.name.startsWith('eks:')) {
    return `${principalLabel(principal)} is an Amazon EKS control-plane identity bound by ${describeBinding(binding)}`;
  }
  if (principal.kind === 'Group') {
    if (BROAD_GROUPS.includes(principal.name) || principal.name === 'system:anonymous') return undefined;
    if (principal.name.startsWith('system:serviceaccounts:')) {
      return principal.name === 'system:serviceaccounts:kube-system' && builtInBinding ? `${principalLabel(principal)} is the kube-system service accounts` : undefined;
    }
    if (principal.name.startsWith('system:')) return `${principalLabel(principal)} is a Kubernetes system group`;
    if (principal.name === 'kubeadm:cluster-admins' && binding.name === 'kubeadm:cluster-admins') {
      return `${principalLabel(principal)} is the group of kubeadm's admin.conf credentials`;
    }
  }
  if (principal.kind === 'ServiceAccount' && principal.namespace === 'kube-system' && builtInBinding) {
    return `${principalLabel(principal)} is a control-plane service account bound by built-in ${describeBinding(binding)}`;
  }
  return undefined;
}
