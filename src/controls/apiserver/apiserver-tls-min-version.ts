import { flagControl, oneOf } from '../component-flag.js';
import { nsaCisa, stig } from '../../frameworks/refs.js';

/** STIG V-242378, V-242468 */
export const apiserverTlsMinVersion = flagControl({
  id: 'apiserver-tls-min-version',
  title: 'The API server must refuse TLS versions older than 1.2',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'tls-min-version',
  expect: oneOf(['VersionTLS12', 'VersionTLS13']),
  fix: 'set --tls-min-version=VersionTLS12 (or VersionTLS13)',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses; the STIG requires the minimum to be set explicitly.',
  refs: [...stig('V-242378', 'V-242468'), ...nsaCisa('network/control-plane-tls')],
});
