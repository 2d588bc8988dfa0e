import { cis } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

const VERBS = ['create', 'update', 'patch', 'delete'];

export const rbacWebhookConfigurations = principalsWithAccess(
  {
    id: 'rbac-webhook-configurations',
    title: 'Minimize access to webhook configuration objects',
    severity: 'high',
    family: 'rbac',
    rationale:
      'Whoever can change validating or mutating webhook configurations can read every object sent to the API server, mutate it (e.g. make pods privileged) or switch off admission policy.',
    remediation:
      'Remove create, update, patch and delete on validatingwebhookconfigurations and mutatingwebhookconfigurations from the ClusterRoles bound to this subject.',
    refs: [...cis('5.1.12')],
  },
  'modify admission webhook configurations',
  [
    { verbs: VERBS, apiGroup: 'admissionregistration.k8s.io', resource: 'validatingwebhookconfigurations' },
    { verbs: VERBS, apiGroup: 'admissionregistration.k8s.io', resource: 'mutatingwebhookconfigurations' },
  ],
);
