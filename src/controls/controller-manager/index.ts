import type { Control } from '../control.js';
import { controllerManagerBindAddress } from './controller-manager-bind-address.js';
import { controllerManagerFeatureGatePodSecurity } from './controller-manager-feature-gate-pod-security.js';
import { controllerManagerProfiling } from './controller-manager-profiling.js';
import { controllerManagerRootCaFile } from './controller-manager-root-ca-file.js';
import { controllerManagerRotateKubeletServerCertificate } from './controller-manager-rotate-kubelet-server-certificate.js';
import { controllerManagerServiceAccountPrivateKeyFile } from './controller-manager-service-account-private-key-file.js';
import { controllerManagerTerminatedPodGcThreshold } from './controller-manager-terminated-pod-gc-threshold.js';
import { controllerManagerTlsMinVersion } from './controller-manager-tls-min-version.js';
import { controllerManagerUseServiceAccountCredentials } from './controller-manager-use-service-account-credentials.js';

/** controller-manager component controls (CIS and STIG items on its flags and files), in report order. */
export const controllerManagerControls: readonly Control[] = [
  controllerManagerTerminatedPodGcThreshold,
  controllerManagerProfiling,
  controllerManagerUseServiceAccountCredentials,
  controllerManagerServiceAccountPrivateKeyFile,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerBindAddress,
  controllerManagerTlsMinVersion,
  controllerManagerFeatureGatePodSecurity,
];
