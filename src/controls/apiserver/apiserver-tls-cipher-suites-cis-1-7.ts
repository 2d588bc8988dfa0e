import { flagControl, onlyFrom } from '../component-flag.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { CIPHER_RATIONALE, CIS_1_7_STRONG_CIPHERS } from './cipher-suites.js';

/** CIS v1.7–v1.9 (1.2.31, 1.2.30, 1.2.29): every suite offered must be on that edition's strong list. */
export const apiserverTlsCipherSuitesCis17 = flagControl({
  id: 'apiserver-tls-cipher-suites-cis-1-7',
  title: 'The API server must only offer strong TLS cipher suites (CIS v1.7 list)',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  expect: onlyFrom(CIS_1_7_STRONG_CIPHERS),
  fix: `set --tls-cipher-suites to suites from the CIS v1.7 list only: ${CIS_1_7_STRONG_CIPHERS.join(',')}`,
  rationale: CIPHER_RATIONALE,
  refs: [...cis({ '1.7': '1.2.31', '1.8': '1.2.30', '1.9': '1.2.29', '1.10': null }), ...nsaCisa('network/control-plane-tls')],
});
