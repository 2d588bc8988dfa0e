import { flagControl, isTrue } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.3.3 · STIG V-242381 */
export const controllerManagerUseServiceAccountCredentials = flagControl({
  id: 'controller-manager-use-service-account-credentials',
  title: 'The controller manager must run each controller with its own service account',
  severity: 'high',
  component: 'kube-controller-manager',
  flag: 'use-service-account-credentials',
  expect: isTrue(),
  fix: 'set --use-service-account-credentials=true',
  rationale:
    "Otherwise every controller acts with the controller manager's own broad credentials, and RBAC cannot limit each controller to what it needs.",
  refs: [...cis('1.3.3'), ...stig('V-242381'), ...nsaCisa('rbac/least-privilege')],
});
