import type { InventoryControl } from '../control.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { namespaceOf, WORKLOAD_KIND } from '../../evidence/inventory.js';
import { locationOf } from '../../evidence/rbac.js';
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
 * CIS 5.1.6, as the kubelet decides it: the pod's automountServiceAccountToken wins; when unset,
 * its ServiceAccount's; when that is unset too (or the account was not seen), the token is mounted.
 */
export const serviceAccountTokenAutomount: InventoryControl = {
  id: 'service-account-token-automount',
  title: 'Service account tokens are only mounted where necessary',
  severity: 'medium',
  family: 'rbac',
  rationale:
    'A mounted token lets anyone who compromises the container call the API server with the service account\'s permissions; most workloads never call the API.',
  remediation:
    'Set automountServiceAccountToken: false in the pod spec (or on its ServiceAccount) of every workload that does not call the Kubernetes API; where one does, keep the token and give its account least privilege.',
  refs: [...cis('5.1.6'), ...nsaCisa('pod-security/service-account-tokens'), ...cisEks('4.1.6')],
  scope: 'inventory',
  kinds: [WORKLOAD_KIND, 'ServiceAccount'],
  evaluate(inventory) {
    return inventory.workloads().map((workload) => {
      const subject = { object: { object: workload.object, origin: workload.origin } };
      const own = workload.podField('automountServiceAccountToken');
      const account = serviceAccountOf(workload);
      const namespace = namespaceOf(workload.object)?.namespace ?? 'default';
      if (own?.value === false) return { status: 'pass' as const, message: 'the pod spec sets automountServiceAccountToken: false', subject, path: own.path };
      if (own?.value === true) {
        return { status: 'fail' as const, message: `the pod spec sets automountServiceAccountToken: true (service account ${namespace}/${account.name})`, subject, path: own.path };
      }
      const sa = inventory.find('ServiceAccount', account.name, namespace);
      if (!sa) {
        return {
          status: 'fail' as const,
          message: `the pod spec does not set automountServiceAccountToken and ServiceAccount ${namespace}/${account.name} is not ${inventory.scope}: Kubernetes mounts the token unless one of them sets false`,
          subject,
          path: workload.podSpecPath,
        };
      }
      const at = locationOf(sa, ['automountServiceAccountToken']);
      if (sa.object.automountServiceAccountToken === false) {
        return { status: 'pass' as const, message: `ServiceAccount ${namespace}/${account.name} sets automountServiceAccountToken: false${at ? ` (${at})` : ''}`, subject };
      }
      return {
        status: 'fail' as const,
        message: `neither the pod spec nor ServiceAccount ${namespace}/${account.name}${at ? ` (${at})` : ''} sets automountServiceAccountToken: false, so the token is mounted`,
        subject,
        path: workload.podSpecPath,
      };
    });
  },
};
