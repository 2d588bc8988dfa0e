import type { Inventory } from '../evidence/inventory.js';
import {
  describeBinding,
  principalLabel,
  RbacModel,
  systemUse,
  type AccessQuery,
  type BindingDef,
  type Principal,
} from '../evidence/rbac.js';

/** One way a subject gets the permission. */
export interface WhoCanGrant {
  binding: { kind: string; name: string; namespace?: string; file?: string; line?: number };
  role: { kind: string; name: string; namespace?: string; builtIn: boolean; file?: string; line?: number };
  /** The role the matching rule is written in, when it was aggregated into the bound one. */
  aggregatedFrom?: { kind: string; name: string; file?: string; line?: number };
  /** `cluster-wide`, or the namespace of a RoleBinding. */
  scope: string;
  verbs: string[];
  resourceNames?: string[];
  /** Why it is the cluster's own, when it is. */
  systemUse?: string;
}

export interface WhoCanEntry {
  subject: Principal;
  /** Who the subject stands for, for the groups Kubernetes fills itself. */
  members?: string;
  grants: WhoCanGrant[];
}

export interface WhoCanAnswer {
  query: AccessQuery;
  subjects: WhoCanEntry[];
  /** Bindings whose role is not among the objects: they might grant it too. */
  unresolved: { binding: string; roleRef: string }[];
  /** True when the inventory is a whole cluster; false for manifests (a partial view). */
  complete: boolean;
}

/** The members of Kubernetes' own groups, for readers of who-can. */
export function groupMembers(principal: Principal): string | undefined {
  if (principal.kind !== 'Group') return undefined;
  if (principal.name === 'system:authenticated') return 'every authenticated user and service account';
  if (principal.name === 'system:unauthenticated') return 'anonymous requests';
  if (principal.name === 'system:serviceaccounts') return 'every service account of every namespace';
  if (principal.name.startsWith('system:serviceaccounts:')) return `every service account of namespace ${principal.name.slice('system:serviceaccounts:'.length)}`;
  if (principal.name === 'system:masters') return 'holders of client certificates with O=system:masters (bypasses RBAC)';
  return undefined;
}

function located(binding: BindingDef) {
  const origin = binding.sourced.origin;
  return origin ? { file: origin.file, line: origin.line } : {};
}

/** `kubeharden rbac who-can`: every subject whose bindings allow the query, from any inventory. */
export function whoCan(inventory: Inventory, query: AccessQuery): WhoCanAnswer {
  const model = RbacModel.fromInventory(inventory);
  const subjects = model.whoCan(query).map(({ principal, matches }) => {
    const grants = matches.map((m): WhoCanGrant => {
      const role = m.grant.binding.role!;
      const grant: WhoCanGrant = {
        binding: { kind: m.grant.binding.kind, name: m.grant.binding.name, ...(m.grant.binding.namespace ? { namespace: m.grant.binding.namespace } : {}), ...located(m.grant.binding) },
        role: {
          kind: role.kind,
          name: role.name,
          ...(role.namespace ? { namespace: role.namespace } : {}),
          builtIn: role.assumed,
          ...(role.sourced.origin ? { file: role.sourced.origin.file, line: role.sourced.origin.line } : {}),
        },
        scope: m.grant.namespace === undefined ? 'cluster-wide' : m.grant.namespace,
        verbs: m.verbs,
      };
      if (m.rule.role !== role) {
        grant.aggregatedFrom = { kind: m.rule.role.kind, name: m.rule.role.name, ...(m.rule.role.sourced.origin ? { file: m.rule.role.sourced.origin.file, line: m.rule.role.sourced.origin.lineOf(m.rule.path) } : {}) };
      }
      if (m.resourceNames) grant.resourceNames = m.resourceNames;
      const reason = systemUse(m.grant);
      if (reason) grant.systemUse = reason;
      return grant;
    });
    const members = groupMembers(principal);
    return { subject: principal, ...(members ? { members } : {}), grants };
  });
  const unresolved = model.bindings
    .filter((b) => !b.role && (query.namespace === undefined || b.namespace === undefined || b.namespace === query.namespace))
    .map((b) => ({ binding: describeBinding(b), roleRef: `${b.roleRef.kind} ${b.roleRef.name}` }));
  return { query, subjects, unresolved, complete: inventory.complete };
}

/** The human answer: one line per way in. */
export function renderWhoCan(answer: WhoCanAnswer, display: string): string {
  const lines: string[] = [];
  const where = answer.query.namespace ? ` in namespace ${answer.query.namespace}` : '';
  if (answer.subjects.length === 0) {
    lines.push(`No subject can ${answer.query.verbs.join('/')} ${display}${where} through the RBAC objects ${answer.complete ? 'of the cluster' : 'scanned'}.`);
  } else {
    lines.push(`Subjects that can ${answer.query.verbs.join('/')} ${display}${where}:`, '');
    for (const entry of answer.subjects) {
      lines.push(`${principalLabel(entry.subject)}${entry.members ? `  (${entry.members})` : ''}`);
      for (const g of entry.grants) {
        const role = `${g.role.kind} ${g.role.namespace ? `${g.role.namespace}/` : ''}${g.role.name}${g.role.builtIn ? ' (built-in, default rules assumed)' : g.role.file ? ` (${g.role.file}:${g.role.line})` : ''}`;
        const binding = `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name}${g.binding.file ? ` (${g.binding.file}:${g.binding.line})` : ''}`;
        const extra = [
          g.aggregatedFrom ? `rule aggregated from ${g.aggregatedFrom.kind} ${g.aggregatedFrom.name}${g.aggregatedFrom.file ? ` (${g.aggregatedFrom.file}:${g.aggregatedFrom.line})` : ''}` : '',
          g.resourceNames ? `only ${g.resourceNames.join(', ')}` : '',
          g.systemUse ? 'system use' : '',
        ].filter(Boolean);
        lines.push(`  ${g.verbs.join('/')} ${g.scope}  via ${role} ← ${binding}${extra.length ? `  [${extra.join('; ')}]` : ''}`);
      }
    }
  }
  if (answer.unresolved.length > 0) {
    lines.push('', `Not evaluated: ${answer.unresolved.length} binding(s) refer to roles that are not among the objects and might grant it too:`);
    for (const u of answer.unresolved) lines.push(`  ${u.binding} → ${u.roleRef}`);
  }
  if (!answer.complete) {
    lines.push('', 'Answered from manifests: bindings that exist only in the cluster are not included.');
  }
  return lines.join('\n') + '\n';
}
