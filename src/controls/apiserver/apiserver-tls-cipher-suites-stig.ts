import { flagControl, includesAll } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';
import { CIPHER_RATIONALE, STIG_REQUIRED_CIPHERS } from './cipher-suites.js';

/** STIG V-242418: set, and containing the four ECDHE AES-GCM suites. */
export const apiserverTlsCipherSuitesStig = flagControl({
  id: 'apiserver-tls-cipher-suites-stig',
  title: 'The API server must use the STIG-approved cipher suites',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  expect: includesAll(STIG_REQUIRED_CIPHERS),
  fix: `set --tls-cipher-suites=${STIG_REQUIRED_CIPHERS.join(',')}`,
  rationale: CIPHER_RATIONALE,
  refs: [...stig('V-242418')],
});
