import { flagControl, isFalse } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.17 (v1.7+), 1.2.16 (v1.8+), 1.2.15 (v1.9+) */
export const apiserverProfiling = flagControl({
  id: 'apiserver-profiling',
  title: 'The API server must not expose profiling data',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'profiling',
  expect: isFalse(),
  fix: 'set --profiling=false',
  rationale:
    'Profiling (/debug/pprof, on by default) reveals detailed program and performance data and adds attack surface; it is not needed in production.',
  refs: [...cis({ '1.7': '1.2.17', '1.8': '1.2.16', '1.9': '1.2.15' })],
});
