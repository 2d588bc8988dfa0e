import { cis } from '../../frameworks/refs.js';
import { flagControl, onlyFrom } from '../component-flag.js';

/** CIS 4.2.12 (v1.12): the six ECDHE AEAD suites. */
export const KUBELET_STRONG_CIPHERS_CIS_1_12 = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
] as const;

/** CIS 4.2.12 (v1.7–v1.11): the same plus two static-RSA GCM suites. */
export const KUBELET_STRONG_CIPHERS_CIS_1_7 = [...KUBELET_STRONG_CIPHERS_CIS_1_12, 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'] as const;

export const kubeletTlsCipherSuites = flagControl({
  id: 'kubelet-tls-cipher-suites',
  title: 'The kubelet must use only strong cipher suites (CIS 1.12 list)',
  severity: 'medium',
  component: 'kubelet',
  flag: 'tls-cipher-suites',
  expect: onlyFrom(KUBELET_STRONG_CIPHERS_CIS_1_12),
  fix: `set tlsCipherSuites: [${KUBELET_STRONG_CIPHERS_CIS_1_12.join(', ')}] (or --tls-cipher-suites)`,
  rationale: 'Left unset, the kubelet offers Go\'s default suites, including ones without forward secrecy.',
  refs: [...cis({ '1.12': '4.2.12' })],
});
