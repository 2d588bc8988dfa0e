import { equals, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.4.2 · STIG V-242384 */
export const schedulerBindAddress = flagControl({
  id: 'scheduler-bind-address',
  title: 'The scheduler must only listen on localhost',
  severity: 'medium',
  component: 'kube-scheduler',
  flag: 'bind-address',
  expect: equals('127.0.0.1'),
  fix: 'set --bind-address=127.0.0.1',
  rationale:
    "The scheduler's health and metrics endpoint needs no remote clients; bound to all interfaces (the default 0.0.0.0) it is exposed to the network.",
  refs: [...cis('1.4.2'), ...stig('V-242384'), ...nsaCisa('network/control-plane-access')],
});
