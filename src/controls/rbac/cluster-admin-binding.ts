import { cis, nsaCisa } from '../../frameworks/refs.js';
import { principalLabel, systemUse } from '../../evidence/rbac.js';
import { describeGrant, perPrincipal } from './principal-control.js';

/**
 * CIS 5.1.1: the principals of ClusterRoleBindings to cluster-admin, as the benchmark's audit lists
 * them (`kubectl get clusterrolebindings` with ROLE cluster-admin). A RoleBinding to cluster-admin
 * is admin of one namespace only; the other 5.1 controls judge what it allows there.
 */
export const rbacClusterAdminBinding = perPrincipal(
  {
    id: 'rbac-cluster-admin-binding',
    title: 'The cluster-admin role is only used where required',
    severity: 'high',
    family: 'rbac',
    rationale:
      'cluster-admin grants every permission on every resource of the cluster. Outside of the cluster\'s own (system) use, it should be bound to nobody who does not strictly need it.',
    remediation:
      'Remove this subject from the ClusterRoleBinding to cluster-admin (kubectl delete clusterrolebinding NAME, or edit its subjects) and bind a role with the permissions it needs instead.',
    refs: [...cis('5.1.1'), ...nsaCisa('rbac/least-privilege')],
  },
  (principal, model) => {
    const label = principalLabel(principal);
    const grants = model.grantsOf(principal).filter((g) => g.binding.roleRef.kind === 'ClusterRole' && g.binding.roleRef.name === 'cluster-admin');
    const clusterWide = grants.filter((g) => g.binding.kind === 'ClusterRoleBinding');
    const user = clusterWide.filter((g) => !systemUse(g));
    if (user.length > 0) {
      return { check: { status: 'fail', message: `${label} is cluster-admin: ${user.map(describeGrant).join('; ')}` }, grant: user[0] };
    }
    if (clusterWide.length > 0) {
      return { check: { status: 'pass', message: `system use: ${label} is cluster-admin (${describeGrant(clusterWide[0]!)}); ${systemUse(clusterWide[0]!)}` }, grant: clusterWide[0] };
    }
    if (grants.length > 0) {
      return {
        check: { status: 'pass', message: `${label} holds cluster-admin only within a namespace (${grants.map(describeGrant).join('; ')}); see the other RBAC controls for what that allows` },
        grant: grants[0],
      };
    }
    return { check: { status: 'pass', message: `${label} is not bound to cluster-admin` } };
  },
);
