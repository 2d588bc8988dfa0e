import { flagControl, isFalse } from '../component-flag.js';
import { cis, stig } from '../../frameworks/refs.js';

/** CIS 1.3.2 · STIG V-242409 */
export const controllerManagerProfiling = flagControl({
  id: 'controller-manager-profiling',
  title: 'The controller manager must not expose profiling data',
  severity: 'medium',
  component: 'kube-controller-manager',
  flag: 'profiling',
  expect: isFalse(),
  fix: 'set --profiling=false',
  rationale:
    'Profiling (on by default) exposes detailed program data through /debug/pprof and is not needed in production.',
  refs: [...cis('1.3.2'), ...stig('V-242409')],
});
