import type { InventoryControl } from '../control.js';
import { nsaCisa } from '../../frameworks/refs.js';
import { namespaceOf, WORKLOAD_KIND } from '../../evidence/inventory.js';
import { networkPolicies, NETWORK_POLICY_KINDS, policiesByNamespace, selects } from '../../evidence/network-policy.js';

/** The per-pod view of network isolation: is each workload's pod selected by some policy, and in which direction? */
export const workloadNetworkPolicy: InventoryControl = {
  id: 'workload-network-policy',
  title: 'Every workload is selected by a NetworkPolicy',
  severity: 'medium',
  family: 'network',
  rationale:
    'A pod that no NetworkPolicy selects accepts connections from anywhere in the cluster and may connect anywhere, whatever policies its neighbours have.',
  remediation:
    'Add a NetworkPolicy (or a default-deny one with podSelector: {}) in the workload\'s namespace whose podSelector matches its pod labels, for Ingress and Egress.',
  refs: [...nsaCisa('network/default-deny-policies')],
  scope: 'inventory',
  kinds: [WORKLOAD_KIND, ...NETWORK_POLICY_KINDS],
  evaluate(inventory) {
    const policiesIn = policiesByNamespace(networkPolicies(inventory));
    return inventory.workloads().map((workload) => {
      const subject = { object: { object: workload.object, origin: workload.origin } };
      const namespace = namespaceOf(workload.object)?.namespace ?? 'default';
      const labels = workload.podMetadata.labels ?? {};
      const selecting = policiesIn(namespace).flatMap((p) => p.ruleSets.filter((s) => selects(p, s, namespace, labels)).map((s) => ({ p, s })));
      if (selecting.length === 0) {
        return {
          status: 'fail' as const,
          message: `no NetworkPolicy ${inventory.scope} selects its pods (namespace ${namespace}): all ingress and egress is allowed`,
          subject,
          path: workload.podMetadataPath,
        };
      }
      const names = [...new Set(selecting.map(({ p }) => `${p.kind} ${p.name}`))].join(', ');
      const ingress = selecting.some(({ s }) => s.ingress);
      const egress = selecting.some(({ s }) => s.egress);
      const open = [ingress ? '' : 'ingress', egress ? '' : 'egress'].filter(Boolean);
      return {
        status: 'pass' as const,
        message: `selected by ${names}${open.length ? `; ${open.join(' and ')} not isolated by any policy` : '; ingress and egress isolated'}`,
        subject,
        path: workload.podMetadataPath,
      };
    });
  },
};
