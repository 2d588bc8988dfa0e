import { featureGateControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-242398 */
export const apiserverFeatureGateDynamicAuditing = featureGateControl({
  id: 'apiserver-feature-gate-dynamic-auditing',
  title: 'The API server must not enable DynamicAuditing',
  severity: 'medium',
  component: 'kube-apiserver',
  gate: 'DynamicAuditing',
  expect: false,
  fix: 'remove DynamicAuditing=true from --feature-gates',
  rationale:
    'Dynamic audit sinks let anyone who can create AuditSink objects redirect audit events (the alpha feature was removed in v1.19).',
  refs: [...stig('V-242398')],
});
