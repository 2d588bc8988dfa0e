import { stig } from '../../frameworks/refs.js';
import { absent, flagControl } from '../component-flag.js';

/**
 * STIG V-242397: "If any of the nodes return a value for staticPodPath, this is a finding." A
 * kubeadm or RKE2 control plane runs its components as static pods and cannot meet it.
 */
export const kubeletStaticPodPath = flagControl({
  id: 'kubelet-static-pod-path',
  title: 'The kubelet must not enable static pods (staticPodPath)',
  severity: 'high',
  component: 'kubelet',
  flag: 'pod-manifest-path',
  expect: absent(),
  fix: 'remove staticPodPath (and --pod-manifest-path)',
  rationale: 'Static pods bypass the API server\'s admission control: anyone who can write the directory runs pods with whatever privileges they like.',
  refs: [...stig('V-242397')],
});
