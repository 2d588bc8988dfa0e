import type { Control } from '../control.js';
import { kubeletAnonymousAuth } from './kubelet-anonymous-auth.js';
import { kubeletAuthorizationMode } from './kubelet-authorization-mode.js';
import { kubeletClientCaFile } from './kubelet-client-ca-file.js';
import { kubeletEventQps } from './kubelet-event-qps.js';
import { kubeletFeatureGateDynamicAuditing } from './kubelet-feature-gate-dynamic-auditing.js';
import { kubeletFeatureGateDynamicKubeletConfig } from './kubelet-feature-gate-dynamic-kubelet-config.js';
import { kubeletFeatureGatePodSecurity } from './kubelet-feature-gate-pod-security.js';
import { kubeletHostnameOverride } from './kubelet-hostname-override.js';
import { kubeletMakeIptablesUtilChains } from './kubelet-make-iptables-util-chains.js';
import { kubeletPodPidsLimit } from './kubelet-pod-pids-limit.js';
import { kubeletProtectKernelDefaults } from './kubelet-protect-kernel-defaults.js';
import { kubeletReadOnlyPort } from './kubelet-read-only-port.js';
import { kubeletReadOnlyPortExplicit } from './kubelet-read-only-port-explicit.js';
import { kubeletRotateCertificates } from './kubelet-rotate-certificates.js';
import { kubeletRotateServerCertificates } from './kubelet-rotate-server-certificates.js';
import { kubeletSeccompDefault } from './kubelet-seccomp-default.js';
import { kubeletStaticPodPath } from './kubelet-static-pod-path.js';
import { kubeletStreamingConnectionIdleTimeout } from './kubelet-streaming-connection-idle-timeout.js';
import { kubeletStreamingConnectionIdleTimeoutStig } from './kubelet-streaming-connection-idle-timeout-stig.js';
import { kubeletTlsCertKey } from './kubelet-tls-cert-key.js';
import { kubeletTlsCipherSuites } from './kubelet-tls-cipher-suites.js';
import { kubeletTlsCipherSuitesCis17 } from './kubelet-tls-cipher-suites-cis-1-7.js';

/** Kubelet configuration (CIS 4.2.x, STIG kubelet rules), in CIS order. */
export const kubeletControls: readonly Control[] = [
  kubeletAnonymousAuth,
  kubeletAuthorizationMode,
  kubeletClientCaFile,
  kubeletReadOnlyPort,
  kubeletReadOnlyPortExplicit,
  kubeletStreamingConnectionIdleTimeout,
  kubeletStreamingConnectionIdleTimeoutStig,
  kubeletMakeIptablesUtilChains,
  kubeletHostnameOverride,
  kubeletEventQps,
  kubeletTlsCertKey,
  kubeletRotateCertificates,
  kubeletRotateServerCertificates,
  kubeletTlsCipherSuites,
  kubeletTlsCipherSuitesCis17,
  kubeletPodPidsLimit,
  kubeletSeccompDefault,
  kubeletProtectKernelDefaults,
  kubeletStaticPodPath,
  kubeletFeatureGateDynamicAuditing,
  kubeletFeatureGateDynamicKubeletConfig,
  kubeletFeatureGatePodSecurity,
];
