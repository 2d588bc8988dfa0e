import type { InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { isBuiltInRole, RbacModel, RBAC_KINDS, wildcardsOf, type RoleDef } from '../../evidence/rbac.js';

function roleLabel(role: RoleDef): string {
  return role.namespace ? `${role.kind} ${role.namespace}/${role.name}` : `${role.kind} ${role.name}`;
}

/** CIS 5.1.3: judged on each Role and ClusterRole, where the wildcard is written. */
export const rbacRoleWildcards: InventoryControl = {
  id: 'rbac-role-wildcards',
  title: 'Minimize wildcard use in Roles and ClusterRoles',
  severity: 'medium',
  family: 'rbac',
  rationale:
    'A "*" among verbs, resources or API groups grants everything that exists now and every resource or verb added later (including CRDs), far beyond what was reviewed.',
  remediation: 'Replace each "*" with the explicit list of verbs, resources and API groups the role needs.',
  refs: [...cis('5.1.3'), ...nsaCisa('rbac/least-privilege')],
  scope: 'inventory',
  kinds: RBAC_KINDS,
  evaluate(inventory) {
    return RbacModel.fromInventory(inventory).roles.map((role) => {
      const wild = role.ownRules.map((rule) => ({ rule, fields: wildcardsOf(rule) })).filter((w) => w.fields.length > 0);
      const subject = { object: role.sourced };
      if (wild.length === 0) return { status: 'pass' as const, message: `${roleLabel(role)} uses no wildcard`, subject };
      const where = wild.map((w) => `rules[${String(w.rule.path[1])}] ${w.fields.join(', ')}`).join('; ');
      if (isBuiltInRole(role)) {
        return { status: 'pass' as const, message: `system use: built-in ${roleLabel(role)} has "*" in ${where}`, subject, path: wild[0]!.rule.path };
      }
      return { status: 'fail' as const, message: `${roleLabel(role)} has "*" in ${where}`, subject, path: wild[0]!.rule.path };
    });
  },
};
