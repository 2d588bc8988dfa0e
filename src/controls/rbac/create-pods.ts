import { cis, nsaCisa } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

/** Pods, and every built-in kind whose controller creates pods for it (CIS 5.1.4). */
const POD_CREATORS = [
  { apiGroup: '', resource: 'pods' },
  { apiGroup: '', resource: 'replicationcontrollers' },
  { apiGroup: 'apps', resource: 'deployments' },
  { apiGroup: 'apps', resource: 'replicasets' },
  { apiGroup: 'apps', resource: 'statefulsets' },
  { apiGroup: 'apps', resource: 'daemonsets' },
  { apiGroup: 'batch', resource: 'jobs' },
  { apiGroup: 'batch', resource: 'cronjobs' },
];

export const rbacCreatePods = principalsWithAccess(
  {
    id: 'rbac-create-pods',
    title: 'Minimize access to create pods (and workloads that create pods)',
    severity: 'high',
    family: 'rbac',
    rationale:
      'Whoever can create a pod in a namespace can run it as any service account of that namespace and mount any of its Secrets; without an admission policy, a pod can also take over its node.',
    remediation:
      'Remove create on pods (and on deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs, replicationcontrollers) from the roles bound to this subject unless it must create workloads.',
    refs: [...cis('5.1.4'), ...nsaCisa('rbac/least-privilege')],
  },
  'create pods or pod-creating workloads',
  POD_CREATORS.map((r) => ({ verbs: ['create'], ...r })),
);
