import type { InventoryCheck, InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { nameOf, namespaceOf, WORKLOAD_KIND } from '../../evidence/inventory.js';
import { describeObject } from '../../evidence/rbac.js';
import type { WorkloadView } from '../../evidence/workload.js';

/** The service account a pod spec runs as (serviceAccountName, else the deprecated serviceAccount, else default). */
export function serviceAccountOf(workload: WorkloadView): { name: string; explicit: boolean; field?: string } {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = workload.podSpec[field];
    if (typeof value === 'string' && value !== '') return { name: value, explicit: true, field };
  }
  return { name: 'default', explicit: false };
}

/**
 * CIS 5.1.6, the ServiceAccount side ("Modify the definition of pods and service accounts which do
 * not need to mount service account tokens to disable it"): a ServiceAccount that does not set
 * automountServiceAccountToken: false, judged with the workloads that run as it. The pod side is
 * pod-security/service-account-token-automount; default accounts are default-service-account-automount (5.1.5).
 */
export const serviceAccountAutomount: InventoryControl = {
  id: 'service-account-automount',
  title: 'ServiceAccounts disable token automounting unless their pods need it',
  severity: 'low',
  family: 'rbac',
  rationale:
    'A ServiceAccount without automountServiceAccountToken: false has its token mounted into every pod that runs as it and does not opt out itself, including pods added later.',
  remediation:
    'Set automountServiceAccountToken: false on the ServiceAccount, and true only in the pod specs of workloads that call the Kubernetes API.',
  refs: [...cis('5.1.6'), ...nsaCisa('pod-security/service-account-tokens')],
  scope: 'inventory',
  kinds: [WORKLOAD_KIND, 'ServiceAccount'],
  evaluate(inventory) {
    const users = new Map<string, WorkloadView[]>();
    for (const workload of inventory.workloads()) {
      const key = `${namespaceOf(workload.object)?.namespace ?? 'default'}/${serviceAccountOf(workload).name}`;
      users.set(key, [...(users.get(key) ?? []), workload]);
    }
    const checks: InventoryCheck[] = [];
    for (const sa of inventory.ofKind('ServiceAccount')) {
      const name = nameOf(sa.object);
      if (name === 'default') continue;
      const key = `${namespaceOf(sa.object)?.namespace ?? 'default'}/${name}`;
      const subject = { object: sa };
      const value = sa.object.automountServiceAccountToken;
      if (value === false) {
        checks.push({ status: 'pass', message: `ServiceAccount ${key} sets automountServiceAccountToken: false`, subject, path: ['automountServiceAccountToken'] });
        continue;
      }
      const relying = (users.get(key) ?? []).filter((w) => w.podField('automountServiceAccountToken')?.value === undefined);
      const setting = value === true ? 'sets automountServiceAccountToken: true' : 'does not set automountServiceAccountToken: false';
      if (relying.length === 0) {
        checks.push({
          status: 'pass',
          message: `ServiceAccount ${key} ${setting}, but no workload ${inventory.scope} leaves the choice to it`,
          subject,
          path: value === true ? ['automountServiceAccountToken'] : undefined,
        });
        continue;
      }
      const shown = relying.slice(0, 3).map((w) => describeObject({ object: w.object, origin: w.origin })).join(', ');
      checks.push({
        status: 'fail',
        message: `ServiceAccount ${key} ${setting}, so its token is mounted into ${relying.length} workload(s) that do not set it themselves: ${shown}${relying.length > 3 ? ', …' : ''}`,
        subject,
        path: value === true ? ['automountServiceAccountToken'] : undefined,
      });
    }
    return checks;
  },
};
