import { nameOf, namespaceOf, type Inventory } from './inventory.js';
import { asArray, isRecord, type SourcedObject } from './kube-object.js';
import { isEmptySelector, selectorMatches } from './label-selector.js';

/** The kinds that isolate pods: Kubernetes NetworkPolicy and Cilium's namespaced and cluster-wide policies. */
export const NETWORK_POLICY_KINDS = ['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] as const;

/** One selector-and-directions unit of a policy (a Cilium policy may hold several in `specs`). */
export interface PolicyRuleSet {
  selector: unknown;
  /** Pods it selects are isolated for ingress / egress. */
  ingress: boolean;
  egress: boolean;
  /** Isolates and allows nothing in that direction: a default deny when the selector is empty. */
  denyAllIngress: boolean;
  denyAllEgress: boolean;
}

export interface PolicyView {
  sourced: SourcedObject;
  kind: string;
  name: string;
  /** undefined for a cluster-wide policy. */
  namespace?: string;
  ruleSets: PolicyRuleSet[];
}

const CILIUM_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';

function networkPolicyRuleSet(spec: Record<string, unknown>): PolicyRuleSet {
  const types = asArray(spec.policyTypes).filter((t): t is string => typeof t === 'string');
  // Without policyTypes, a policy isolates ingress always and egress when it has egress rules.
  const ingress = types.length > 0 ? types.includes('Ingress') : true;
  const egress = types.length > 0 ? types.includes('Egress') : spec.egress !== undefined;
  return {
    selector: spec.podSelector ?? {},
    ingress,
    egress,
    denyAllIngress: ingress && asArray(spec.ingress).length === 0,
    denyAllEgress: egress && asArray(spec.egress).length === 0,
  };
}

function ciliumRuleSet(spec: Record<string, unknown>): PolicyRuleSet | undefined {
  if (!isRecord(spec.endpointSelector)) return undefined;
  const ingress = spec.ingress !== undefined || spec.ingressDeny !== undefined;
  const egress = spec.egress !== undefined || spec.egressDeny !== undefined;
  return {
    selector: spec.endpointSelector,
    ingress,
    egress,
    denyAllIngress: ingress && asArray(spec.ingress).every((r) => isRecord(r) && Object.keys(r).length === 0),
    denyAllEgress: egress && asArray(spec.egress).every((r) => isRecord(r) && Object.keys(r).length === 0),
  };
}

export function policyView(sourced: SourcedObject): PolicyView {
  const { object } = sourced;
  const ruleSets: PolicyRuleSet[] = [];
  if (object.kind === 'NetworkPolicy') {
    if (isRecord(object.spec)) ruleSets.push(networkPolicyRuleSet(object.spec));
  } else {
    for (const spec of [object.spec, ...asArray(object.specs)]) {
      const set = isRecord(spec) ? ciliumRuleSet(spec) : undefined;
      if (set) ruleSets.push(set);
    }
  }
  const namespace = object.kind === 'CiliumClusterwideNetworkPolicy' ? undefined : namespaceOf(object)?.namespace;
  return { sourced, kind: object.kind, name: nameOf(object), namespace, ruleSets };
}

export function networkPolicies(inventory: Inventory): PolicyView[] {
  return inventory.ofKind(...NETWORK_POLICY_KINDS).map(policyView);
}

/** The policies that can select pods of a namespace: its own and the cluster-wide ones (so each pod is not compared with every policy). */
export function policiesByNamespace(policies: readonly PolicyView[]): (namespace: string) => readonly PolicyView[] {
  const clusterWide: PolicyView[] = [];
  const byNamespace = new Map<string, PolicyView[]>();
  for (const policy of policies) {
    if (policy.namespace === undefined) {
      clusterWide.push(policy);
      for (const list of byNamespace.values()) list.push(policy);
      continue;
    }
    let list = byNamespace.get(policy.namespace);
    if (!list) byNamespace.set(policy.namespace, (list = [...clusterWide]));
    list.push(policy);
  }
  return (namespace) => byNamespace.get(namespace) ?? clusterWide;
}

/** Cilium selectors write labels as `k8s:key` or `any:key`; pods carry their namespace as a label. */
function ciliumLabels(labels: Readonly<Record<string, string>>, namespace: string): Record<string, string> {
  return { ...labels, [CILIUM_NAMESPACE_LABEL]: namespace };
}

function normalizeCiliumSelector(selector: unknown): unknown {
  if (!isRecord(selector)) return selector;
  const strip = (key: string) => key.replace(/^(k8s|any):/, '');
  const matchLabels = isRecord(selector.matchLabels)
    ? Object.fromEntries(Object.entries(selector.matchLabels).map(([k, v]) => [strip(k), v]))
    : undefined;
  const matchExpressions = asArray(selector.matchExpressions).map((e) => (isRecord(e) && typeof e.key === 'string' ? { ...e, key: strip(e.key) } : e));
  return { matchLabels, matchExpressions };
}

/** Whether a rule set selects a pod with these labels in this namespace. */
export function selects(policy: PolicyView, set: PolicyRuleSet, namespace: string, labels: Readonly<Record<string, string>>): boolean {
  if (policy.namespace !== undefined && policy.namespace !== namespace) return false;
  if (policy.kind === 'NetworkPolicy') return selectorMatches(set.selector, labels);
  return selectorMatches(normalizeCiliumSelector(set.selector), ciliumLabels(labels, namespace));
}

/**
 * Whether a rule set covers every pod of a namespace: an empty selector in the namespace, or a
 * cluster-wide one that is empty or selects only by the namespace label.
 */
export function coversNamespace(policy: PolicyView, set: PolicyRuleSet, namespace: string): boolean {
  if (policy.namespace !== undefined) return policy.namespace === namespace && isEmptySelector(set.selector);
  const selector = normalizeCiliumSelector(set.selector) as { matchLabels?: Record<string, unknown>; matchExpressions: unknown[] };
  const keys = [...Object.keys(selector.matchLabels ?? {}), ...selector.matchExpressions.map((e) => (isRecord(e) ? e.key : undefined))];
  if (keys.some((k) => k !== CILIUM_NAMESPACE_LABEL)) return false;
  return selectorMatches(selector, { [CILIUM_NAMESPACE_LABEL]: namespace });
}
