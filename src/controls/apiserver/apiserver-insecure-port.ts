import { equals, flagControl } from '../component-flag.js';
import { nsaCisa, stig } from '../../frameworks/refs.js';

/** STIG V-242386 */
export const apiserverInsecurePort = flagControl({
  id: 'apiserver-insecure-port',
  title: 'The API server insecure port must be disabled',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'insecure-port',
  expect: equals('0'),
  fix: 'set --insecure-port=0 (Kubernetes before v1.20) or upgrade: the insecure port is locked to 0 from v1.20 and the flag is removed in v1.24',
  rationale:
    'The insecure port serves the whole API over plain HTTP with no authentication or authorization. It defaulted to 8080 before Kubernetes v1.20.',
  refs: [...stig('V-242386'), ...nsaCisa('network/insecure-port-disabled')],
});
