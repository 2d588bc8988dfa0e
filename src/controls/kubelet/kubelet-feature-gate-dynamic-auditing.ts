import { stig } from '../../frameworks/refs.js';
import { featureGateControl } from '../component-flag.js';

/** STIG V-242398: the rule reads the kubelet's feature gates too. */
export const kubeletFeatureGateDynamicAuditing = featureGateControl({
  id: 'kubelet-feature-gate-dynamic-auditing',
  title: 'The kubelet must not enable DynamicAuditing',
  severity: 'medium',
  component: 'kubelet',
  gate: 'DynamicAuditing',
  expect: false,
  fix: 'remove DynamicAuditing=true from the kubelet --feature-gates (featureGates in its config file)',
  rationale:
    'Dynamic audit sinks let anyone who can create AuditSink objects redirect audit events; the STIG checks the kubelet\'s feature gates as well as the control plane\'s (the alpha feature was removed in v1.19).',
  refs: [...stig('V-242398')],
});
