import { flagControl, loopback } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 4.3.1 (from v1.9): "Ensure that the kube-proxy metrics service is bound to localhost". */
export const kubeProxyMetricsBindAddress = flagControl({
  id: 'kube-proxy-metrics-bind-address',
  title: 'kube-proxy must serve metrics on localhost only',
  severity: 'medium',
  component: 'kube-proxy',
  flag: 'metrics-bind-address',
  expect: loopback(),
  fix: 'set metricsBindAddress: 127.0.0.1:10249 (or --metrics-bind-address=127.0.0.1:10249)',
  rationale:
    'The metrics endpoint is unauthenticated; bound to all interfaces it tells anyone on the network about the node\'s services and traffic.',
  refs: [...cis({ '1.9': '4.3.1' })],
});
