import { absent, flagControl } from '../component-flag.js';
import { nsaCisa, stig } from '../../frameworks/refs.js';

/** STIG V-242388 */
export const apiserverInsecureBindAddress = flagControl({
  id: 'apiserver-insecure-bind-address',
  title: 'The API server must not set an insecure bind address',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'insecure-bind-address',
  expect: absent(),
  fix: 'remove --insecure-bind-address',
  rationale:
    'The insecure bind address exposes the unauthenticated insecure port on that interface.',
  refs: [...stig('V-242388'), ...nsaCisa('network/insecure-port-disabled')],
});
