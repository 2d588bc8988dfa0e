import { flagControl, isFalse } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.6 · STIG V-242380 */
export const etcdPeerAutoTls = flagControl({
  id: 'etcd-peer-auto-tls',
  title: 'etcd must not use self-signed peer certificates',
  severity: 'medium',
  component: 'etcd',
  flag: 'peer-auto-tls',
  expect: isFalse(),
  fix: 'set --peer-auto-tls=false (or remove --peer-auto-tls)',
  rationale:
    "--peer-auto-tls makes members use self-signed certificates that peers cannot verify. kubeharden evaluates an unset flag as etcd's default (false); STIG V-242380 also asks for it to be written out.",
  refs: [...cis('2.6'), ...stig('V-242380'), ...nsaCisa('network/etcd-protection')],
});
