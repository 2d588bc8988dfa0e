import { flagControl, isFalse } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.4.1 */
export const schedulerProfiling = flagControl({
  id: 'scheduler-profiling',
  title: 'The scheduler must not expose profiling data',
  severity: 'medium',
  component: 'kube-scheduler',
  flag: 'profiling',
  expect: isFalse(),
  fix: 'set --profiling=false (or enableProfiling: false in the KubeSchedulerConfiguration given by --config)',
  rationale:
    'Profiling (on by default) exposes detailed program data through /debug/pprof and is not needed in production.',
  refs: [...cis('1.4.1')],
});
