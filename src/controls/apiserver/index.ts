import type { Control } from '../control.js';
import { apiserverAdmissionAlwaysAdmit } from './apiserver-admission-always-admit.js';
import { apiserverAdmissionAlwaysPullImages } from './apiserver-admission-always-pull-images.js';
import { apiserverAdmissionControlConfigFile } from './apiserver-admission-control-config-file.js';
import { apiserverAdmissionDenyServiceExternalIps } from './apiserver-admission-deny-service-external-ips.js';
import { apiserverAdmissionEventRateLimit } from './apiserver-admission-event-rate-limit.js';
import { apiserverAdmissionNamespaceLifecycle } from './apiserver-admission-namespace-lifecycle.js';
import { apiserverAdmissionNodeRestriction } from './apiserver-admission-node-restriction.js';
import { apiserverAdmissionSecurityContextDeny } from './apiserver-admission-security-context-deny.js';
import { apiserverAdmissionServiceAccount } from './apiserver-admission-service-account.js';
import { apiserverAdmissionValidatingWebhook } from './apiserver-admission-validating-webhook.js';
import { apiserverAnonymousAuth } from './apiserver-anonymous-auth.js';
import { apiserverAuditLogMaxage } from './apiserver-audit-log-maxage.js';
import { apiserverAuditLogMaxbackup } from './apiserver-audit-log-maxbackup.js';
import { apiserverAuditLogMaxsize } from './apiserver-audit-log-maxsize.js';
import { apiserverAuditLogPath } from './apiserver-audit-log-path.js';
import { apiserverAuditPolicyContent } from './apiserver-audit-policy-content.js';
import { apiserverAuditPolicyFile } from './apiserver-audit-policy-file.js';
import { apiserverAuthorizationModeNode } from './apiserver-authorization-mode-node.js';
import { apiserverAuthorizationModeNotAlwaysAllow } from './apiserver-authorization-mode-not-always-allow.js';
import { apiserverAuthorizationModeRbac } from './apiserver-authorization-mode-rbac.js';
import { apiserverBasicAuthFile } from './apiserver-basic-auth-file.js';
import { apiserverClientCaFile } from './apiserver-client-ca-file.js';
import { apiserverEncryptionProviderConfig } from './apiserver-encryption-provider-config.js';
import { apiserverEncryptionProviderContent } from './apiserver-encryption-provider-content.js';
import { apiserverEtcdCafile } from './apiserver-etcd-cafile.js';
import { apiserverEtcdCertfileKeyfile } from './apiserver-etcd-certfile-keyfile.js';
import { apiserverFeatureGateAllAlpha } from './apiserver-feature-gate-all-alpha.js';
import { apiserverFeatureGateDynamicAuditing } from './apiserver-feature-gate-dynamic-auditing.js';
import { apiserverFeatureGateDynamicKubeletConfig } from './apiserver-feature-gate-dynamic-kubelet-config.js';
import { apiserverFeatureGatePodSecurity } from './apiserver-feature-gate-pod-security.js';
import { apiserverInsecureBindAddress } from './apiserver-insecure-bind-address.js';
import { apiserverInsecurePort } from './apiserver-insecure-port.js';
import { apiserverKubeletCertificateAuthority } from './apiserver-kubelet-certificate-authority.js';
import { apiserverKubeletClientCertKey } from './apiserver-kubelet-client-cert-key.js';
import { apiserverProfiling } from './apiserver-profiling.js';
import { apiserverRequestTimeout } from './apiserver-request-timeout.js';
import { apiserverSecurePort } from './apiserver-secure-port.js';
import { apiserverServiceAccountExtendTokenExpiration } from './apiserver-service-account-extend-token-expiration.js';
import { apiserverServiceAccountKeyFile } from './apiserver-service-account-key-file.js';
import { apiserverServiceAccountLookup } from './apiserver-service-account-lookup.js';
import { apiserverTlsCertKey } from './apiserver-tls-cert-key.js';
import { apiserverTlsCipherSuites } from './apiserver-tls-cipher-suites.js';
import { apiserverTlsCipherSuitesCis112 } from './apiserver-tls-cipher-suites-cis-1-12.js';
import { apiserverTlsCipherSuitesCis17 } from './apiserver-tls-cipher-suites-cis-1-7.js';
import { apiserverTlsCipherSuitesStig } from './apiserver-tls-cipher-suites-stig.js';
import { apiserverTlsMinVersion } from './apiserver-tls-min-version.js';
import { apiserverTokenAuthFile } from './apiserver-token-auth-file.js';

/** apiserver component controls (CIS and STIG items on its flags and files), in report order. */
export const apiserverControls: readonly Control[] = [
  apiserverAnonymousAuth,
  apiserverTokenAuthFile,
  apiserverBasicAuthFile,
  apiserverAdmissionDenyServiceExternalIps,
  apiserverKubeletClientCertKey,
  apiserverKubeletCertificateAuthority,
  apiserverAuthorizationModeNotAlwaysAllow,
  apiserverAuthorizationModeNode,
  apiserverAuthorizationModeRbac,
  apiserverAdmissionEventRateLimit,
  apiserverAdmissionAlwaysAdmit,
  apiserverAdmissionAlwaysPullImages,
  apiserverAdmissionServiceAccount,
  apiserverAdmissionNamespaceLifecycle,
  apiserverAdmissionNodeRestriction,
  apiserverAdmissionValidatingWebhook,
  apiserverSecurePort,
  apiserverInsecurePort,
  apiserverInsecureBindAddress,
  apiserverProfiling,
  apiserverAuditLogPath,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverRequestTimeout,
  apiserverServiceAccountLookup,
  apiserverServiceAccountKeyFile,
  apiserverEtcdCertfileKeyfile,
  apiserverTlsCertKey,
  apiserverClientCaFile,
  apiserverEtcdCafile,
  apiserverEncryptionProviderConfig,
  apiserverServiceAccountExtendTokenExpiration,
  apiserverTlsMinVersion,
  apiserverFeatureGateAllAlpha,
  apiserverFeatureGateDynamicAuditing,
  apiserverFeatureGateDynamicKubeletConfig,
  apiserverAdmissionControlConfigFile,
  apiserverFeatureGatePodSecurity,
  apiserverAuditPolicyFile,
  apiserverAdmissionSecurityContextDeny,
  apiserverEncryptionProviderContent,
  apiserverTlsCipherSuitesCis17,
  apiserverTlsCipherSuites,
  apiserverTlsCipherSuitesCis112,
  apiserverTlsCipherSuitesStig,
  apiserverAuditPolicyContent,
];
