import type { InventoryControl } from '../control.js';
import { namespaceOf, WORKLOAD_KIND } from '../../evidence/inventory.js';
import { serviceAccountOf } from './service-account-token-automount.js';

/**
 * A pod naming a service account that does not exist is rejected by the ServiceAccount admission
 * plugin: the workload never runs (or runs once someone creates an account of that name, with
 * whatever permissions that account gets).
 */
export const workloadServiceAccountExists: InventoryControl = {
  id: 'workload-service-account-exists',
  title: 'Workloads must name a service account that exists',
  severity: 'low',
  family: 'rbac',
  rationale:
    'A pod whose serviceAccountName does not exist is not admitted; whoever later creates an account of that name decides which permissions the workload runs with.',
  remediation: 'Create the ServiceAccount in the workload\'s namespace (with the manifests that deploy it), or correct serviceAccountName.',
  refs: [],
  scope: 'inventory',
  kinds: [WORKLOAD_KIND, 'ServiceAccount'],
  evaluate(inventory) {
    return inventory.workloads().map((workload) => {
      const subject = { object: { object: workload.object, origin: workload.origin } };
      const account = serviceAccountOf(workload);
      const namespace = namespaceOf(workload.object)?.namespace ?? 'default';
      const path = account.field ? [...workload.podSpecPath, account.field] : workload.podSpecPath;
      if (account.name === 'default') {
        return { status: 'pass' as const, message: `runs as the default service account of ${namespace}, which Kubernetes creates in every namespace`, subject, path };
      }
      if (inventory.find('ServiceAccount', account.name, namespace)) {
        return { status: 'pass' as const, message: `ServiceAccount ${namespace}/${account.name} exists`, subject, path };
      }
      return {
        status: 'fail' as const,
        message: `${account.field} "${account.name}" names no ServiceAccount in namespace ${namespace} ${inventory.scope}${inventory.complete ? '' : ' (if it is created outside these manifests, waive this result)'}`,
        subject,
        path,
      };
    });
  },
};
