import { flagControl } from '../component-flag.js';
import { gcThreshold } from './expectations.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.3.1 */
export const controllerManagerTerminatedPodGcThreshold = flagControl({
  id: 'controller-manager-terminated-pod-gc-threshold',
  title: 'The controller manager must garbage-collect terminated Pods at an appropriate threshold',
  severity: 'low',
  component: 'kube-controller-manager',
  flag: 'terminated-pod-gc-threshold',
  expect: gcThreshold(),
  fix: 'set --terminated-pod-gc-threshold to a value your control plane sustains, below the default 12500 (e.g. 10)',
  rationale:
    'Terminated Pods are only garbage-collected above the threshold; CIS 1.3.1 warns that the default 12,500 \'might be too high for your system to sustain\'.',
  refs: [...cis('1.3.1')],
});
