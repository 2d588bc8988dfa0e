import { cis } from '../../frameworks/refs.js';
import { principalsWithAccess } from './principal-control.js';

export const rbacCreatePersistentVolumes = principalsWithAccess(
  {
    id: 'rbac-create-persistent-volumes',
    title: 'Minimize access to create persistent volumes',
    severity: 'medium',
    family: 'rbac',
    rationale:
      'A PersistentVolume can be a hostPath volume: whoever can create one can mount any directory of a node into a pod, bypassing pod-level hostPath restrictions.',
    remediation: 'Remove create on persistentvolumes from the ClusterRoles bound to this subject; let users request storage through PersistentVolumeClaims.',
    refs: [...cis('5.1.9')],
  },
  'create persistentvolumes',
  [{ verbs: ['create'], apiGroup: '', resource: 'persistentvolumes' }],
);
