import { absent, flagControl } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.2 · STIG V-245543 */
export const apiserverTokenAuthFile = flagControl({
  id: 'apiserver-token-auth-file',
  title: 'The API server must not use a static token file',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'token-auth-file',
  expect: absent(),
  fix: 'remove --token-auth-file and move its users to client certificates, OIDC or webhook authentication',
  rationale:
    'Static tokens are stored in clear text on the control-plane node, never expire and can only be changed by restarting the API server.',
  refs: [...cis('1.2.2'), ...stig('V-245543'), ...nsaCisa('authn/strong-authentication')],
});
