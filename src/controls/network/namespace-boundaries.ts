import type { InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { isSystemNamespace } from '../../evidence/inventory.js';

/**
 * CIS 5.7.1 (5.6.1 from 1.11) is a judgement — "ensure these namespaces are the ones you need and
 * are adequately administered" — so it is reported as manual, with the namespaces the scan saw.
 */
export const namespaceBoundaries: InventoryControl = {
  id: 'namespace-boundaries',
  title: 'Administrative boundaries between resources are created using namespaces',
  severity: 'info',
  family: 'network',
  rationale:
    'Namespaces are the unit of RBAC delegation, NetworkPolicy, quotas and Pod Security labels; applications that share one cannot be administered or isolated separately.',
  remediation: 'Give each application or team its own namespace, with its own RoleBindings, NetworkPolicies and Pod Security labels.',
  refs: [...cis({ '1.7': '5.7.1', '1.11': '5.6.1' }), ...nsaCisa('network/namespaces')],
  scope: 'inventory',
  kinds: [],
  evaluate(inventory) {
    const user = inventory.namespaces().filter((ns) => !isSystemNamespace(ns.name));
    if (user.length === 0 && !inventory.complete) return [];
    const list = user.map((ns) => `${ns.name} (${ns.objectCount} object(s), ${ns.workloadCount} workload(s)${ns.object ? '' : ', no Namespace object'})`);
    return [{
      status: 'manual',
      message: list.length
        ? `${list.length} non-system namespace(s) ${inventory.scope}: ${list.join(', ')}; confirm they separate what must be administered separately`
        : `no non-system namespace ${inventory.scope}`,
      subject: { cluster: true },
    }];
  },
};
