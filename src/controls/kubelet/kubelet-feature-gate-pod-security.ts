import { stig } from '../../frameworks/refs.js';
import { featureGateControl } from '../component-flag.js';

/** STIG V-254801: the rule reads the kubelet's feature gates too. */
export const kubeletFeatureGatePodSecurity = featureGateControl({
  id: 'kubelet-feature-gate-pod-security',
  title: 'The kubelet must have the PodSecurity feature enabled',
  severity: 'high',
  component: 'kubelet',
  gate: 'PodSecurity',
  expect: true,
  fix: 'set --feature-gates=PodSecurity=true on Kubernetes v1.22–v1.24 (the feature is GA and always on from v1.25; the gate was removed in v1.28)',
  rationale:
    'The STIG asks for the PodSecurity feature gate on the kubelet as well as on the control plane; without it Pod Security Standards are not enforced on v1.22–v1.24.',
  refs: [...stig('V-254801')],
});
