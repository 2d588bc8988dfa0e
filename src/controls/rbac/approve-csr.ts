import { cis } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacApproveCsr = principalsWithAccess(
  {
    id: 'rbac-approve-csr',
    title: 'Minimize access to the approval sub-resource of certificatesigningrequests',
    severity: 'high',
    family: 'rbac',
    rationale:
      'Approving CertificateSigningRequests lets a subject issue client certificates, for example for a system:masters identity, which bypasses RBAC entirely.',
    remediation: 'Remove update/patch on certificatesigningrequests/approval from the ClusterRoles bound to this subject.',
    refs: [...cis('5.1.11')],
  },
  'approve certificatesigningrequests',
  [{ verbs: ['update', 'patch'], apiGroup: 'certificates.k8s.io', resource: 'certificatesigningrequests/approval' }],
);
