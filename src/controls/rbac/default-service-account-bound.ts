import type { InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { describeBinding, RbacModel, RBAC_KINDS, systemUse, type Grant } from '../../evidence/rbac.js';
import { describeGrant } from './principal-control.js';

/** The default service accounts a binding subject covers: `default` itself, or a group of service accounts. */
function defaultAccountsIn(grant: Grant): string | undefined {
  const { principal } = grant;
  if (principal.kind === 'ServiceAccount' && principal.name === 'default') return `the default service account of namespace ${principal.namespace}`;
  if (principal.kind === 'Group' && principal.name === 'system:serviceaccounts') return 'every service account (group system:serviceaccounts), default ones included';
  if (principal.kind === 'Group' && principal.name.startsWith('system:serviceaccounts:')) {
    return `every service account of namespace ${principal.name.slice('system:serviceaccounts:'.length)} (group ${principal.name}), its default one included`;
  }
  return undefined;
}

/**
 * CIS 5.1.5: "ensure that [the default service account] has no roles or cluster roles bound to it
 * apart from the defaults". Judged on each binding, where the fix is made.
 */
export const defaultServiceAccountBound: InventoryControl = {
  id: 'default-service-account-bound',
  title: 'Default service accounts must have no roles bound apart from the defaults',
  severity: 'medium',
  family: 'rbac',
  rationale:
    'Permissions bound to a namespace\'s default service account are held by every pod in it that names no service account, not only by the workload they were meant for.',
  remediation:
    'Create a dedicated ServiceAccount for the workload that needs these permissions, bind the role to it, set serviceAccountName in its pod spec, and remove the default service account from this binding.',
  refs: [...cis('5.1.5'), ...nsaCisa('pod-security/service-account-tokens')],
  scope: 'inventory',
  kinds: RBAC_KINDS,
  evaluate(inventory) {
    const model = RbacModel.fromInventory(inventory);
    return model.bindings.map((binding) => {
      const subject = { object: binding.sourced };
      const grants = binding.subjects.map(({ principal, path }) => ({ principal, binding, subjectPath: path, namespace: binding.namespace }));
      const defaults = grants.filter((g) => defaultAccountsIn(g));
      const user = defaults.filter((g) => !systemUse(g));
      if (user.length > 0) {
        return {
          status: 'fail' as const,
          message: `${describeBinding(binding)} binds ${user.map((g) => defaultAccountsIn(g)).join('; ')}: ${describeGrant(user[0]!)}`,
          subject,
          path: user[0]!.subjectPath,
        };
      }
      if (defaults.length > 0) {
        return { status: 'pass' as const, message: `system use: ${systemUse(defaults[0]!)}`, subject, path: defaults[0]!.subjectPath };
      }
      return { status: 'pass' as const, message: `${describeBinding(binding)} binds no default service account`, subject };
    });
  },
};
