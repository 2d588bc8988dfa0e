import { featureGateControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-254801 */
export const schedulerFeatureGatePodSecurity = featureGateControl({
  id: 'scheduler-feature-gate-pod-security',
  title: 'The scheduler must have the PodSecurity feature enabled',
  severity: 'high',
  component: 'kube-scheduler',
  gate: 'PodSecurity',
  expect: true,
  fix: 'set --feature-gates=PodSecurity=true on Kubernetes v1.22–v1.24 (the feature is GA and always on from v1.25; the gate was removed in v1.28)',
  rationale:
    'STIG V-254801 asks for the PodSecurity gate on every control-plane component.',
  refs: [...stig('V-254801')],
});
