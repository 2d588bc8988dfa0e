import type { InventoryCheck, InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { RbacModel, RBAC_KINDS, systemUse, type Principal } from '../../evidence/rbac.js';
import { describeGrant, principalSubject } from './principal-control.js';

const SYSTEM_MASTERS: Principal = { kind: 'Group', name: 'system:masters' };

/**
 * CIS 5.1.7. Membership of system:masters comes from client certificates (O=system:masters), which
 * no Kubernetes object shows, and the group bypasses RBAC: a binding naming it is reported, and
 * the certificate side is always left to a human (manual).
 */
export const rbacSystemMasters: InventoryControl = {
  id: 'rbac-system-masters',
  title: 'Avoid use of the system:masters group',
  severity: 'high',
  family: 'rbac',
  rationale:
    'Members of system:masters bypass RBAC and every authorization webhook, and membership cannot be revoked short of rotating the cluster CA: no binding can take their access away.',
  remediation:
    'Do not issue client certificates with O=system:masters beyond the break-glass kubeconfig; bind users to cluster-admin or narrower roles instead, and remove non-default bindings that name system:masters.',
  refs: [...cis('5.1.7'), ...nsaCisa('rbac/least-privilege')],
  scope: 'inventory',
  kinds: RBAC_KINDS,
  evaluate(inventory) {
    const grants = RbacModel.fromInventory(inventory).grantsOf(SYSTEM_MASTERS);
    const checks: InventoryCheck[] = grants.map((grant) => {
      const reason = systemUse(grant);
      return reason && grant.binding.sourced.object.metadata?.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults'
        ? { status: 'pass', message: `system use: ${describeGrant(grant)}; ${reason}`, subject: principalSubject(SYSTEM_MASTERS, grant) }
        : {
          status: 'fail',
          message: `${describeGrant(grant)} names group system:masters, which is not a Kubernetes default binding`,
          subject: principalSubject(SYSTEM_MASTERS, grant),
        };
    });
    // The certificate side concerns a cluster: asked of a whole cluster, or of manifests that carry RBAC.
    if (!inventory.complete && RbacModel.fromInventory(inventory).bindings.length === 0) return checks;
    checks.push({
      status: 'manual',
      message:
        'membership of system:masters is granted by client certificates with O=system:masters, which no Kubernetes object records: review the certificates your CA has issued (kubeadm keeps only admin.conf in it)',
      subject: principalSubject(SYSTEM_MASTERS),
    });
    return checks;
  },
};
