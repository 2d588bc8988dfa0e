import { cis } from '../../frameworks/refs.js';
import { flagControl, onlyFrom } from '../component-flag.js';
import { KUBELET_STRONG_CIPHERS_CIS_1_7 } from './kubelet-tls-cipher-suites.js';

export const kubeletTlsCipherSuitesCis17 = flagControl({
  id: 'kubelet-tls-cipher-suites-cis-1-7',
  title: 'The kubelet must use only strong cipher suites (CIS 1.7–1.11 list)',
  severity: 'medium',
  component: 'kubelet',
  flag: 'tls-cipher-suites',
  expect: onlyFrom(KUBELET_STRONG_CIPHERS_CIS_1_7),
  fix: `set tlsCipherSuites to suites from: ${KUBELET_STRONG_CIPHERS_CIS_1_7.join(', ')} (or --tls-cipher-suites)`,
  rationale: 'Left unset, the kubelet offers Go\'s default suites, including ones without forward secrecy. CIS 1.12 tightened this list (kubelet-tls-cipher-suites).',
  refs: [...cis({ '1.7': '4.2.12', '1.12': null })],
});
