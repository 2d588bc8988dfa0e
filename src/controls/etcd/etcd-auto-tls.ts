import { flagControl, isFalse } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.3 · STIG V-242379 */
export const etcdAutoTls = flagControl({
  id: 'etcd-auto-tls',
  title: 'etcd must not use self-signed client certificates',
  severity: 'medium',
  component: 'etcd',
  flag: 'auto-tls',
  expect: isFalse(),
  fix: 'set --auto-tls=false (or remove --auto-tls)',
  rationale:
    "--auto-tls makes etcd generate a self-signed certificate that clients cannot verify. kubeharden evaluates an unset flag as etcd's default (false); STIG V-242379 also asks for it to be written out.",
  refs: [...cis('2.3'), ...stig('V-242379'), ...nsaCisa('network/etcd-protection')],
});
