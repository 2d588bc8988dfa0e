import type { InventorySubject, NamespaceFacts } from '../../evidence/inventory.js';
import { nameOf } from '../../evidence/inventory.js';
import { locationOf } from '../../evidence/rbac.js';

/** A namespace's Namespace object, or (when none was seen) the namespace named where it is first used. */
export function namespaceSubject(facts: NamespaceFacts): InventorySubject {
  if (facts.object) return { object: facts.object };
  return {
    named: {
      apiVersion: 'v1',
      kind: 'Namespace',
      name: facts.name,
      ...(facts.firstWorkload ?? facts.firstObject ? { mentionedAt: { sourced: (facts.firstWorkload ?? facts.firstObject)!, path: ['metadata'] } } : {}),
    },
  };
}

/** "used by 3 objects, first Deployment web (k8s/web.yaml:1)", noting objects assumed to be in default. */
export function namespaceUse(facts: NamespaceFacts): string {
  const first = facts.firstWorkload ?? facts.firstObject;
  const firstText = first ? `, first ${first.object.kind} ${nameOf(first.object)}${locationOf(first) ? ` (${locationOf(first)})` : ''}` : '';
  const assumed = facts.assumedCount > 0 ? `, ${facts.assumedCount} of them without metadata.namespace` : '';
  return `used by ${facts.objectCount} object(s) (${facts.workloadCount} running pods)${firstText}${assumed}`;
}
