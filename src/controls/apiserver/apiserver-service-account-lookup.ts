import { flagControl, isTrue } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.23 (v1.7+), 1.2.22 (v1.8+), 1.2.21 (v1.9+) */
export const apiserverServiceAccountLookup = flagControl({
  id: 'apiserver-service-account-lookup',
  title: 'The API server must check that service account tokens still exist',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'service-account-lookup',
  expect: isTrue(),
  fix: 'set --service-account-lookup=true (or remove --service-account-lookup=false)',
  rationale:
    'Without the lookup, a token of a deleted service account keeps working until it expires.',
  refs: [...cis({ '1.7': '1.2.23', '1.8': '1.2.22', '1.9': '1.2.21' })],
});
