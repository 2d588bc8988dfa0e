import { flagControl, positiveDuration } from '../component-flag.js';
import { cis, stig } from '../../frameworks/refs.js';

/** CIS 1.2.22 (v1.7+), 1.2.21 (v1.8+), 1.2.20 (v1.9+) · STIG V-242438 */
export const apiserverRequestTimeout = flagControl({
  id: 'apiserver-request-timeout',
  title: 'The API server must time out requests',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'request-timeout',
  expect: positiveDuration(),
  fix: 'set --request-timeout to a duration greater than 0 appropriate to your clients (the default is 60s)',
  rationale:
    'A request timeout limits how long a connection can hold API server resources; 0 disables it. kubeharden evaluates an unset flag as its default (60s), which CIS 1.2.20 accepts; the STIG text also asks for the flag to be written out.',
  refs: [...cis({ '1.7': '1.2.22', '1.8': '1.2.21', '1.9': '1.2.20' }), ...stig('V-242438')],
});
