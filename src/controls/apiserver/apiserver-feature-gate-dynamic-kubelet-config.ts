import { featureGateControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-242399 */
export const apiserverFeatureGateDynamicKubeletConfig = featureGateControl({
  id: 'apiserver-feature-gate-dynamic-kubelet-config',
  title: 'The API server must not enable DynamicKubeletConfig',
  severity: 'medium',
  component: 'kube-apiserver',
  gate: 'DynamicKubeletConfig',
  expect: false,
  fix: 'set DynamicKubeletConfig=false in --feature-gates (the feature was removed in v1.26)',
  rationale:
    'Dynamic kubelet configuration lets a kubelet configuration be changed through the API, bypassing node hardening; it was on by default v1.11–v1.23.',
  refs: [...stig('V-242399')],
});
