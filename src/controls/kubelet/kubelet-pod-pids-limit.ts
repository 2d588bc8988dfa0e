import { numberValue } from '../../evidence/component-config/values.js';
import { cis } from '../../frameworks/refs.js';
import { flagControl } from '../component-flag.js';

/** CIS 4.2.13: podPidsLimit set to a limit (the default -1 is unlimited). */
export const kubeletPodPidsLimit = flagControl({
  id: 'kubelet-pod-pids-limit',
  title: 'The kubelet must limit the number of PIDs per pod',
  severity: 'medium',
  component: 'kubelet',
  flag: 'pod-max-pids',
  expect: {
    wants: 'to be a positive limit',
    test: (v) => {
      const n = numberValue(v);
      return n === undefined ? undefined : n > 0;
    },
  },
  fix: 'set podPidsLimit to a limit that fits your workloads, e.g. 4096 (or --pod-max-pids)',
  rationale: 'Without a PID limit one pod can fork-bomb the node and starve every other pod and the kubelet itself.',
  refs: [...cis('4.2.13')],
});
