/**
 * The cipher suite lists of CIS "Ensure that the API Server only makes use of Strong Cryptographic
 * Ciphers" (1.2.31 in v1.7, 1.2.30 in v1.8, 1.2.29 from v1.9), as kube-bench encodes them
 * (valid_elements). The list tightened twice, so each edition's list is its own control.
 */

/** CIS v1.7–v1.9. */
export const CIS_1_7_STRONG_CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
] as const;

/** CIS v1.10–v1.11: 3DES and static-RSA key exchange removed. */
export const CIS_1_10_STRONG_CIPHERS = CIS_1_7_STRONG_CIPHERS.filter((suite) => !suite.includes('3DES') && !suite.startsWith('TLS_RSA_'));

/** CIS v1.12: CBC suites removed as well. */
export const CIS_1_12_STRONG_CIPHERS = CIS_1_10_STRONG_CIPHERS.filter((suite) => !suite.includes('_CBC_'));

/** STIG V-242418: the four ECDHE AES-GCM suites the API server must offer. */
export const STIG_REQUIRED_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
] as const;

export const CIPHER_RATIONALE =
  'Without --tls-cipher-suites the API server offers Go\'s default list, which includes suites the benchmark considers weak; an explicit list of strong suites removes them from negotiation.';
