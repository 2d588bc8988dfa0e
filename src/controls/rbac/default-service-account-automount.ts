import type { ObjectControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { nameOf, namespaceOf } from '../../evidence/inventory.js';

/** CIS 5.1.5: "ensure that the automountServiceAccountToken: false setting is in place for each default service account". */
export const defaultServiceAccountAutomount: ObjectControl = {
  id: 'default-service-account-automount',
  title: 'Default service accounts must not automount their token',
  severity: 'medium',
  family: 'rbac',
  rationale:
    'Every pod that names no service account runs as its namespace\'s default one; unless that account sets automountServiceAccountToken: false, all of them carry an API token they rarely need.',
  remediation: 'Set automountServiceAccountToken: false on the default ServiceAccount of each namespace, and give workloads that need the API their own service account.',
  refs: [...cis('5.1.5'), ...nsaCisa('pod-security/service-account-tokens')],
  scope: 'object',
  kinds: ['ServiceAccount'],
  evaluate({ object }) {
    if (nameOf(object) !== 'default') return [];
    const where = `default ServiceAccount of namespace ${namespaceOf(object)?.namespace ?? 'default'}`;
    const value = object.automountServiceAccountToken;
    if (value === false) return [{ status: 'pass', message: `${where} sets automountServiceAccountToken: false`, path: ['automountServiceAccountToken'] }];
    if (value === true) return [{ status: 'fail', message: `${where} sets automountServiceAccountToken: true`, path: ['automountServiceAccountToken'] }];
    return [{ status: 'fail', message: `${where} does not set automountServiceAccountToken (Kubernetes defaults to mounting the token)` }];
  },
};
