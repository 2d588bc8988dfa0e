import { absent, flagControl } from '../component-flag.js';
import { nsaCisa, stig } from '../../frameworks/refs.js';

/** STIG V-245542 */
export const apiserverBasicAuthFile = flagControl({
  id: 'apiserver-basic-auth-file',
  title: 'The API server must not use basic authentication',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'basic-auth-file',
  expect: absent(),
  fix: 'remove --basic-auth-file',
  rationale:
    'Basic authentication sends reusable passwords with every request and keeps them in a clear-text file; Kubernetes removed it in v1.19 and the STIG forbids it.',
  refs: [...stig('V-245542'), ...nsaCisa('authn/strong-authentication')],
});
