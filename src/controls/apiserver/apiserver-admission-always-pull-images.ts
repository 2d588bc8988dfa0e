import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.11 */
export const apiserverAdmissionAlwaysPullImages = admissionPluginControl({
  id: 'apiserver-admission-always-pull-images',
  title: 'The AlwaysPullImages admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'AlwaysPullImages',
  expect: 'enabled',
  fix: 'add AlwaysPullImages to --enable-admission-plugins',
  rationale:
    'In a multi-tenant cluster a Pod can run a private image already cached on its node without having the pull credentials for it; AlwaysPullImages forces the credentials check on every start.',
  refs: [...cis('1.2.11')],
});
