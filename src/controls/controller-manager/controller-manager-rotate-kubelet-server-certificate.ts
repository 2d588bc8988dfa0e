import { featureGateControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.3.6 */
export const controllerManagerRotateKubeletServerCertificate = featureGateControl({
  id: 'controller-manager-rotate-kubelet-server-certificate',
  title: 'The controller manager must allow kubelet serving certificate rotation',
  severity: 'medium',
  component: 'kube-controller-manager',
  gate: 'RotateKubeletServerCertificate',
  expect: true,
  fix: 'remove RotateKubeletServerCertificate=false from --feature-gates',
  rationale:
    'Rotating kubelet serving certificates avoids outages and long-lived keys when certificates expire.',
  refs: [...cis('1.3.6')],
});
