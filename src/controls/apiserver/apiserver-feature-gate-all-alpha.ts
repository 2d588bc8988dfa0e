import { featureGateControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-242400 */
export const apiserverFeatureGateAllAlpha = featureGateControl({
  id: 'apiserver-feature-gate-all-alpha',
  title: 'The API server must not enable all alpha features',
  severity: 'medium',
  component: 'kube-apiserver',
  gate: 'AllAlpha',
  expect: false,
  fix: 'remove AllAlpha=true from --feature-gates',
  rationale:
    'Alpha features are incomplete, may be buggy and are not covered by security support; AllAlpha turns every one of them on.',
  refs: [...stig('V-242400')],
});
