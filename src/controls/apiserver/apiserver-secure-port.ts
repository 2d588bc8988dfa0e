import { flagControl } from '../component-flag.js';
import { nonZeroPort } from './expectations.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.16 (v1.7+) · STIG V-242389 */
export const apiserverSecurePort = flagControl({
  id: 'apiserver-secure-port',
  title: 'The API server must serve on a secure port',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'secure-port',
  expect: nonZeroPort(),
  fix: 'set --secure-port to a port other than 0 (6443 by default)',
  rationale:
    '--secure-port=0 turns off HTTPS serving; clients would be left with no authenticated, encrypted endpoint.',
  refs: [...cis({ '1.7': '1.2.16', '1.8': null }), ...stig('V-242389'), ...nsaCisa('network/control-plane-tls')],
});
