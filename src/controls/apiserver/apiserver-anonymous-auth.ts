import { flagControl, isFalse } from '../component-flag.js';
import { cis, nsaCisa, stig } from '../../frameworks/refs.js';

/** CIS 1.2.1 · STIG V-242390 */
export const apiserverAnonymousAuth = flagControl({
  id: 'apiserver-anonymous-auth',
  title: 'The API server must not allow anonymous requests',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'anonymous-auth',
  expect: isFalse(),
  fix: 'set --anonymous-auth=false',
  rationale:
    'With anonymous authentication on (the default), requests without credentials are served as system:anonymous; any RBAC binding to that user or to system:unauthenticated is then open to the network. CIS 1.2.1 notes that health probes may need it: grant them explicitly instead.',
  refs: [...cis('1.2.1'), ...stig('V-242390'), ...nsaCisa('authn/anonymous-disabled')],
});
