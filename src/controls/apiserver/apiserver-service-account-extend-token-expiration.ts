import { flagControl, isFalse } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.30 (v1.11+) */
export const apiserverServiceAccountExtendTokenExpiration = flagControl({
  id: 'apiserver-service-account-extend-token-expiration',
  title: 'The API server must not extend service account token lifetimes',
  severity: 'low',
  component: 'kube-apiserver',
  flag: 'service-account-extend-token-expiration',
  expect: isFalse(),
  fix: 'set --service-account-extend-token-expiration=false',
  rationale:
    'With extension on (the default) projected tokens are issued valid for a year during the migration period, so a leaked token stays usable far longer than its requested lifetime.',
  refs: [...cis({ '1.11': '1.2.30' })],
});
