import type { Control } from '../control.js';
import { schedulerBindAddress } from './scheduler-bind-address.js';
import { schedulerFeatureGatePodSecurity } from './scheduler-feature-gate-pod-security.js';
import { schedulerProfiling } from './scheduler-profiling.js';
import { schedulerTlsMinVersion } from './scheduler-tls-min-version.js';

/** scheduler component controls (CIS and STIG items on its flags and files), in report order. */
export const schedulerControls: readonly Control[] = [
  schedulerProfiling,
  schedulerBindAddress,
  schedulerTlsMinVersion,
  schedulerFeatureGatePodSecurity,
];
