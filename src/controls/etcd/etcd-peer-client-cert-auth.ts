import { flagControl, isTrue } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 2.5 · STIG V-242426 */
export const etcdPeerClientCertAuth = flagControl({
  id: 'etcd-peer-client-cert-auth',
  title: 'etcd must require peer client certificates',
  severity: 'medium',
  component: 'etcd',
  flag: 'peer-client-cert-auth',
  expect: isTrue(),
  fix: 'set --peer-client-cert-auth=true and --peer-trusted-ca-file',
  rationale:
    'Without peer authentication any host that reaches the peer port can join the cluster as a member.',
  refs: [...cis('2.5'), ...stig('V-242426'), ...nsaCisa('network/etcd-protection')],
});
