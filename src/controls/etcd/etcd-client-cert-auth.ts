import { flagControl, isTrue } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.2 · STIG V-242423 */
export const etcdClientCertAuth = flagControl({
  id: 'etcd-client-cert-auth',
  title: 'etcd must require client certificates',
  severity: 'medium',
  component: 'etcd',
  flag: 'client-cert-auth',
  expect: isTrue(),
  fix: 'set --client-cert-auth=true and --trusted-ca-file',
  rationale:
    "Without client certificate authentication anyone who reaches etcd's client port can read and write the whole cluster state.",
  refs: [...cis('2.2'), ...stig('V-242423'), ...nsaCisa('network/etcd-protection')],
});
