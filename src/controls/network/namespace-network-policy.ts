import type { InventoryCheck, InventoryControl } from '../control.js';
import { cis, eksCac, nsaCisa } from '../../frameworks/refs.js';
import { isSystemNamespace, type Inventory, type NamespaceFacts } from '../../evidence/inventory.js';
import { coversNamespace, networkPolicies, NETWORK_POLICY_KINDS, policiesByNamespace, type PolicyView } from '../../evidence/network-policy.js';
import { locationOf } from '../../evidence/rbac.js';
import { namespaceSubject, namespaceUse } from './namespace-subject.js';

function policyLabel(policy: PolicyView): string {
  const at = locationOf(policy.sourced);
  return `${policy.kind} ${policy.namespace ? `${policy.namespace}/` : ''}${policy.name}${at ? ` (${at})` : ''}`;
}

/** "default-deny ingress: deny-all; default-deny egress: none". */
function defaultDenySummary(policies: readonly PolicyView[], namespace: string): string {
  const deny = (direction: 'denyAllIngress' | 'denyAllEgress') =>
    policies.filter((p) => p.ruleSets.some((s) => s[direction] && coversNamespace(p, s, namespace))).map((p) => p.name);
  const ingress = deny('denyAllIngress');
  const egress = deny('denyAllEgress');
  return `default-deny ingress: ${ingress.length ? ingress.join(', ') : 'none'}; default-deny egress: ${egress.length ? egress.join(', ') : 'none'}`;
}

function judge(facts: NamespaceFacts, policiesIn: (namespace: string) => readonly PolicyView[], inventory: Inventory): InventoryCheck {
  const subject = namespaceSubject(facts);
  const policies = policiesIn(facts.name);
  const own = policies.filter((p) => p.namespace === facts.name);
  const clusterWide = policies.filter((p) => p.namespace === undefined && p.ruleSets.some((s) => coversNamespace(p, s, facts.name)));
  const applying = [...own, ...clusterWide];
  if (applying.length > 0) {
    return {
      status: 'pass',
      message: `namespace ${facts.name} has ${applying.map(policyLabel).join(', ')}; ${defaultDenySummary(applying, facts.name)}`,
      subject,
    };
  }
  const seen = facts.object ? '' : ` (${namespaceUse(facts)}; no Namespace object ${inventory.scope})`;
  if (isSystemNamespace(facts.name)) {
    return {
      status: 'manual',
      message: `system namespace ${facts.name} has no NetworkPolicy${seen}: CIS 5.3.2 asks for one in every namespace, the ComplianceAsCode EKS rule exempts kube-* namespaces; decide for your control plane add-ons`,
      subject,
    };
  }
  return {
    status: 'fail',
    message: `namespace ${facts.name} has no NetworkPolicy ${inventory.scope}${seen}: all traffic to and from its pods is allowed`,
    subject,
  };
}

/** CIS 5.3.2 and ComplianceAsCode configure_network_policies_namespaces: judged per namespace. */
export const namespaceNetworkPolicy: InventoryControl = {
  id: 'namespace-network-policy',
  title: 'Every namespace has a NetworkPolicy',
  severity: 'medium',
  family: 'network',
  rationale:
    'Without a NetworkPolicy selecting them, pods accept traffic from and send traffic to anywhere: one compromised workload can reach every other. A default-deny policy per namespace (podSelector: {} with policyTypes Ingress and Egress) makes allowed traffic explicit.',
  remediation:
    'Add a default-deny NetworkPolicy to the namespace (podSelector: {}, policyTypes: [Ingress, Egress]) and NetworkPolicies that allow the traffic its workloads need.',
  refs: [...cis('5.3.2'), ...eksCac('configure_network_policies_namespaces'), ...nsaCisa('network/default-deny-policies')],
  scope: 'inventory',
  kinds: [...NETWORK_POLICY_KINDS],
  evaluate(inventory) {
    const policiesIn = policiesByNamespace(networkPolicies(inventory));
    return inventory.podNamespaces().map((facts) => judge(facts, policiesIn, inventory));
  },
};
