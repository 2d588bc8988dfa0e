import { cis } from '../../frameworks/refs.js';
import { flagControl, present } from '../component-flag.js';

/** CIS 4.2.9: both --tls-cert-file and --tls-private-key-file (tlsCertFile, tlsPrivateKeyFile). */
export const kubeletTlsCertKey = flagControl({
  id: 'kubelet-tls-cert-key',
  title: 'The kubelet must serve TLS with a configured certificate and key',
  severity: 'medium',
  component: 'kubelet',
  flag: ['tls-cert-file', 'tls-private-key-file'],
  expect: present(),
  fix: 'set tlsCertFile and tlsPrivateKeyFile (or --tls-cert-file and --tls-private-key-file) to a certificate and key signed by the cluster CA',
  rationale: 'Without them the kubelet serves a self-signed certificate that the API server and other clients cannot verify.',
  refs: [...cis('4.2.9')],
});
