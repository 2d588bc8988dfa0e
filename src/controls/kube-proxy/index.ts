import type { Control } from '../control.js';
import { kubeProxyMetricsBindAddress } from './kube-proxy-metrics-bind-address.js';

/** kube-proxy component controls (CIS and STIG items on its flags and files), in report order. */
export const kubeProxyControls: readonly Control[] = [
  kubeProxyMetricsBindAddress,
];
