import type { Check, ControlMeta, InventoryCheck, InventoryControl } from '../control.js';
import type { Inventory, InventorySubject } from '../../evidence/inventory.js';
import {
  describeBinding,
  describeRole,
  principalApiVersion,
  principalLabel,
  RBAC_KINDS,
  RbacModel,
  systemUse,
  type AccessMatch,
  type AccessQuery,
  type Grant,
  type Principal,
} from '../../evidence/rbac.js';

/** The result subject for a user, group or service account, located at the binding entry that names it. */
export function principalSubject(principal: Principal, grant?: Grant): InventorySubject {
  return {
    named: {
      apiVersion: principalApiVersion(principal),
      kind: principal.kind,
      ...(principal.namespace !== undefined ? { namespace: principal.namespace } : {}),
      name: principal.name,
      ...(grant ? { mentionedAt: { sourced: grant.binding.sourced, path: grant.subjectPath } } : {}),
    },
  };
}

/**
 * One verdict per principal that any binding names (CIS 5.1 reports on who holds a permission):
 * the mechanism behind the RBAC controls.
 */
export function perPrincipal(
  meta: ControlMeta,
  decide: (principal: Principal, model: RbacModel) => { check: Check; grant?: Grant },
): InventoryControl {
  return {
    ...meta,
    scope: 'inventory',
    kinds: RBAC_KINDS,
    evaluate(inventory: Inventory): InventoryCheck[] {
      const model = RbacModel.fromInventory(inventory);
      return model.principals().map((principal) => {
        const { check, grant } = decide(principal, model);
        return { ...check, subject: principalSubject(principal, grant ?? model.grantsOf(principal)[0]) };
      });
    },
  };
}

/** How a grant reaches a principal: role, binding (with file:line of the subject entry) and scope. */
export function describeGrant(grant: Grant): string {
  const role = grant.binding.role;
  const roleText = role ? describeRole(role) : `${grant.binding.roleRef.kind} "${grant.binding.roleRef.name}"`;
  const scope = grant.namespace !== undefined ? `in namespace ${grant.namespace}` : 'cluster-wide';
  return `${roleText} bound by ${describeBinding(grant.binding, grant.subjectPath)} ${scope}`;
}

function describeMatch(matches: readonly AccessMatch[]): string {
  const match = matches[0]!;
  const bound = match.grant.binding.role;
  const via = bound && match.rule.role !== bound ? ` (rule of ${describeRole(match.rule.role)}, aggregated)` : '';
  const names = match.resourceNames ? ` (only ${match.resourceNames.join(', ')})` : '';
  const verbs = [...new Set(matches.flatMap((m) => m.verbs))].join('/');
  const resources = [...new Set(matches.map((m) => m.resource))].join(', ');
  return `${verbs} ${resources}${names} through ${describeGrant(match.grant)}${via}`;
}

/** The ways in, one per (binding subject, rule), at most three, and how many more. */
export function describeMatches(matches: readonly AccessMatch[]): string {
  const groups = new Map<string, AccessMatch[]>();
  for (const match of matches) {
    const key = `${match.grant.binding.kind}/${match.grant.binding.namespace ?? ''}/${match.grant.binding.name}/${match.grant.subjectPath.join('.')}/${match.rule.role.kind}/${match.rule.role.namespace ?? ''}/${match.rule.role.name}/${match.rule.path.join('.')}`;
    groups.set(key, [...(groups.get(key) ?? []), match]);
  }
  const all = [...groups.values()];
  const shown = all.slice(0, 3).map(describeMatch).join('; ');
  return all.length > 3 ? `${shown}; and ${all.length - 3} more` : shown;
}

/** Bindings whose role is neither among the objects nor built in: their rules could not be evaluated. */
export function unresolvedGrants(grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => !g.binding.role);
}

/**
 * A CIS 5.1 "minimize access to X" control: fails a principal whose bindings allow any of the
 * queries (unless system use), passes the others, and says `manual` where a role could not be read.
 */
export function principalsWithAccess(meta: ControlMeta, what: string, queries: readonly AccessQuery[]): InventoryControl {
  return perPrincipal(meta, (principal, model) => {
    const label = principalLabel(principal);
    const matches = queries.flatMap((query) => model.access(principal, query));
    const user = matches.filter((m) => !systemUse(m.grant));
    const unrestricted = user.filter((m) => !m.resourceNames);
    if (unrestricted.length > 0) {
      return { check: { status: 'fail', message: `${label} can ${what}: ${describeMatches(unrestricted)}` }, grant: unrestricted[0]!.grant };
    }
    if (user.length > 0) {
      return {
        check: { status: 'pass', message: `${label} can ${what} only on named objects: ${describeMatches(user)}` },
        grant: user[0]!.grant,
      };
    }
    if (matches.length > 0) {
      const reason = systemUse(matches[0]!.grant);
      return { check: { status: 'pass', message: `system use: ${label} can ${what} (${describeMatches(matches)}); ${reason}` }, grant: matches[0]!.grant };
    }
    const unresolvedAll = unresolvedGrants(model.grantsOf(principal));
    const unresolved = unresolvedAll.filter((g) => !systemUse(g));
    if (unresolvedAll.length > 0 && unresolved.length === 0) {
      return {
        check: { status: 'pass', message: `system use: ${label} is bound to ${unresolvedAll.map(describeGrant).join('; ')} (rules not among the scanned objects); ${systemUse(unresolvedAll[0]!)}` },
        grant: unresolvedAll[0],
      };
    }
    if (unresolved.length > 0) {
      return {
        check: {
          status: 'manual',
          message: `${label} is bound to ${unresolved.map(describeGrant).join('; ')}, whose rules are not among the scanned objects: check whether it can ${what}`,
        },
        grant: unresolved[0],
      };
    }
    return { check: { status: 'pass', message: `${label} cannot ${what} through any of its ${model.grantsOf(principal).length} binding(s)` } };
  });
}
