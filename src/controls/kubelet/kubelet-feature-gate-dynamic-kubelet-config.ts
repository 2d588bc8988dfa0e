import { stig } from '../../frameworks/refs.js';
import { featureGateControl } from '../component-flag.js';

/** STIG V-242399: the rule reads the kubelet's feature gates too. */
export const kubeletFeatureGateDynamicKubeletConfig = featureGateControl({
  id: 'kubelet-feature-gate-dynamic-kubelet-config',
  title: 'The kubelet must not enable DynamicKubeletConfig',
  severity: 'medium',
  component: 'kubelet',
  gate: 'DynamicKubeletConfig',
  expect: false,
  fix: 'set DynamicKubeletConfig=false in the kubelet --feature-gates (the feature was removed in v1.26)',
  rationale:
    'Dynamic kubelet configuration lets the kubelet\'s configuration be changed through the API, bypassing the node\'s hardening; it was on by default v1.11–v1.23.',
  refs: [...stig('V-242399')],
});
