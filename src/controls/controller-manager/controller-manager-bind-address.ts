import { equals, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.3.7 · STIG V-242385 */
export const controllerManagerBindAddress = flagControl({
  id: 'controller-manager-bind-address',
  title: 'The controller manager must only listen on localhost',
  severity: 'medium',
  component: 'kube-controller-manager',
  flag: 'bind-address',
  expect: equals('127.0.0.1'),
  fix: 'set --bind-address=127.0.0.1',
  rationale:
    "The controller manager's health and metrics endpoint needs no remote clients; bound to all interfaces (the default 0.0.0.0) it is exposed to the network.",
  refs: [...cis('1.3.7'), ...stig('V-242385'), ...nsaCisa('network/control-plane-access')],
});
