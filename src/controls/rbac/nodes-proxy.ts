import { cis } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacNodesProxy = principalsWithAccess(
  {
    id: 'rbac-nodes-proxy',
    title: 'Minimize access to the proxy sub-resource of nodes',
    severity: 'high',
    family: 'rbac',
    rationale:
      'nodes/proxy gives direct access to the kubelet API: running commands in any pod of the node, outside of admission control and audit logging of the API server.',
    remediation: 'Remove nodes/proxy (and wildcard resources that include it) from the ClusterRoles bound to this subject.',
    refs: [...cis('5.1.10')],
  },
  'use nodes/proxy',
  [{ verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], apiGroup: '', resource: 'nodes/proxy' }],
);
