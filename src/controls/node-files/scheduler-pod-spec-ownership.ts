import { cis } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const schedulerPodSpecOwnership = fileCheck({
  id: 'scheduler-pod-spec-ownership',
  title: 'The scheduler pod specification file must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.6')],
  roles: ['pod-spec:kube-scheduler'],
  require: ROOT_OWNED,
  what: 'the scheduler pod specification file',
});
