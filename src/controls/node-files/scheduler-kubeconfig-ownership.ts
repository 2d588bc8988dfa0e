import { cis, stig } from '../../frameworks/refs.js';
import { fileCheck, ROOT_OWNED } from './file-check.js';

export const schedulerKubeconfigOwnership = fileCheck({
  id: 'scheduler-kubeconfig-ownership',
  title: 'scheduler.conf must be owned by root:root',
  severity: 'medium',
  rationale:
    'Only root may change this file: an unprivileged owner could rewrite it and take over the component that reads it.',
  refs: [...cis('1.1.16'), ...stig('V-242446')],
  roles: ['scheduler-kubeconfig'],
  require: ROOT_OWNED,
  what: 'the scheduler kubeconfig (scheduler.conf)',
});
