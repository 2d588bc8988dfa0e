import { flagControl, onlyFrom } from '../component-flag.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { CIPHER_RATIONALE, CIS_1_10_STRONG_CIPHERS } from './cipher-suites.js';

/** CIS v1.10–v1.11 1.2.29: every suite offered must be on that edition's strong list. */
export const apiserverTlsCipherSuites = flagControl({
  id: 'apiserver-tls-cipher-suites',
  title: 'The API server must only offer strong TLS cipher suites (CIS v1.10 list)',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  expect: onlyFrom(CIS_1_10_STRONG_CIPHERS),
  fix: `set --tls-cipher-suites to suites from the CIS v1.10 list only: ${CIS_1_10_STRONG_CIPHERS.join(',')}`,
  rationale: CIPHER_RATIONALE,
  refs: [...cis({ '1.10': '1.2.29', '1.12': null }), ...nsaCisa('network/control-plane-tls')],
});
