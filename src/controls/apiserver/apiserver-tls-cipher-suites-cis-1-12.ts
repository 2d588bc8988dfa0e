import { flagControl, onlyFrom } from '../component-flag.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { CIPHER_RATIONALE, CIS_1_12_STRONG_CIPHERS } from './cipher-suites.js';

/** CIS v1.12 1.2.29: every suite offered must be on that edition's strong list. */
export const apiserverTlsCipherSuitesCis112 = flagControl({
  id: 'apiserver-tls-cipher-suites-cis-1-12',
  title: 'The API server must only offer strong TLS cipher suites (CIS v1.12 list)',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  expect: onlyFrom(CIS_1_12_STRONG_CIPHERS),
  fix: `set --tls-cipher-suites to suites from the CIS v1.12 list only: ${CIS_1_12_STRONG_CIPHERS.join(',')}`,
  rationale: CIPHER_RATIONALE,
  refs: [...cis({ '1.12': '1.2.29' }), ...nsaCisa('network/control-plane-tls')],
});
