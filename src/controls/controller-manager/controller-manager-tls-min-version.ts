import { flagControl, oneOf } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-242376 */
export const controllerManagerTlsMinVersion = flagControl({
  id: 'controller-manager-tls-min-version',
  title: 'The controller manager must refuse TLS versions older than 1.2',
  severity: 'medium',
  component: 'kube-controller-manager',
  flag: 'tls-min-version',
  expect: oneOf(['VersionTLS12', 'VersionTLS13']),
  fix: 'set --tls-min-version=VersionTLS12 (or VersionTLS13)',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses; the STIG requires the minimum to be set explicitly.',
  refs: [...stig('V-242376')],
});
