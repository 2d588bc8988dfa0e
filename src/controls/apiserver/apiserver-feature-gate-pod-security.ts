import { featureGateControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-254801 */
export const apiserverFeatureGatePodSecurity = featureGateControl({
  id: 'apiserver-feature-gate-pod-security',
  title: 'The API server must have the PodSecurity feature enabled',
  severity: 'high',
  component: 'kube-apiserver',
  gate: 'PodSecurity',
  expect: true,
  fix: 'set --feature-gates=PodSecurity=true on Kubernetes v1.22–v1.24 (the feature is GA and always on from v1.25; the gate was removed in v1.28)',
  rationale:
    'Pod Security Admission replaces PodSecurityPolicy; without the feature Pod Security Standards are not enforced.',
  refs: [...stig('V-254801')],
});
