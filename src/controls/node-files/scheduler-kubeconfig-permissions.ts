import { cis } from '../../frameworks/refs.js';
import { fileCheck } from './file-check.js';

export const schedulerKubeconfigPermissions = fileCheck({
  id: 'scheduler-kubeconfig-permissions',
  title: 'scheduler.conf must have permissions 600 or more restrictive',
  severity: 'medium',
  rationale:
    'A kubeconfig holds credentials; whoever can read it can act with those credentials against the API server.',
  refs: [...cis('1.1.15')],
  roles: ['scheduler-kubeconfig'],
  require: { mode: 0o600 },
  what: 'the scheduler kubeconfig (scheduler.conf)',
});
