/**
 * Documented defaults of the settings the benchmarks check, per component and, where a default
 * changed, per Kubernetes version. Sources: the `--help` reference of each component on
 * kubernetes.io for v1.29–v1.31 (kube-apiserver, kube-controller-manager, kube-scheduler, kubelet,
 * kube-proxy), the v1beta1/v1alpha1 config types' SetDefaults functions for config-file fields,
 * the feature-gate tables of kubernetes.io "Feature Gates (removed)", and `etcd --help` (v3.5).
 * A default that changed is evaluated for the detected version; with no version, the less safe
 * historical value is assumed and the finding says so.
 */
import { formatVersion, versionAtLeast, type ComponentKind, type ComponentVersion } from './kinds.js';

/** What an unset setting is when the component runs, and why we believe it. */
export interface DocumentedDefault {
  value: string | boolean | number | string[] | Record<string, string>;
  /** Where the default comes from, e.g. "kube-apiserver --profiling default (v1.29–v1.31)". */
  note: string;
  /** True when the version was unknown and the least safe of the historical defaults was taken. */
  assumed?: boolean;
}

export interface DefaultContext {
  version?: ComponentVersion;
  /** The component reads a config file (kubelet --config): its field defaults apply, not the flags'. */
  usesConfigFile: boolean;
}

type DefaultRule = (ctx: DefaultContext) => DocumentedDefault | undefined;

const always =
  (value: DocumentedDefault['value'], note: string): DefaultRule =>
  () => ({ value, note });

/**
 * A default that changed at a version: `before` until major.minor, `from` after. With no version,
 * the `conservative` side (the less safe value) is taken and marked `assumed`.
 */
function changedAt(
  major: number,
  minor: number,
  before: DocumentedDefault['value'] | undefined,
  from: DocumentedDefault['value'] | undefined,
  note: string,
  conservative: 'before' | 'from',
): DefaultRule {
  return ({ version }) => {
    if (!version) {
      const value = conservative === 'before' ? before : from;
      return value === undefined ? undefined : { value, note: `${note} was ${String(value)} before v${major}.${minor}; Kubernetes version unknown, assuming the less safe default`, assumed: true };
    }
    const value = versionAtLeast(version, major, minor) ? from : before;
    return value === undefined ? undefined : { value, note: `${note} is ${String(value)} in v${formatVersion(version)}` };
  };
}

/**
 * The default-enabled admission plugins (kubernetes pkg/kubeapiserver/options/plugins.go
 * `DefaultOffAdmissionPlugins` complement; `kube-apiserver --help`, v1.29–v1.31). The ones the
 * benchmarks ask about: NamespaceLifecycle, ServiceAccount, ValidatingAdmissionWebhook are on;
 * AlwaysAdmit, AlwaysPullImages, EventRateLimit, NodeRestriction, DenyServiceExternalIPs and
 * SecurityContextDeny are off. PodSecurity is on from v1.23 (beta); PodSecurityPolicy was never on.
 */
function defaultAdmissionPlugins(version: ComponentVersion | undefined): string[] {
  const plugins = [
    'NamespaceLifecycle',
    'LimitRanger',
    'ServiceAccount',
    'TaintNodesByCondition',
    'Priority',
    'DefaultTolerationSeconds',
    'DefaultStorageClass',
    'StorageObjectInUseProtection',
    'PersistentVolumeClaimResize',
    'RuntimeClass',
    'CertificateApproval',
    'CertificateSigning',
    'CertificateSubjectRestriction',
    'DefaultIngressClass',
    'MutatingAdmissionWebhook',
    'ValidatingAdmissionWebhook',
    'ResourceQuota',
  ];
  // With the version unknown, only the plugins on in every supported version are assumed on.
  if (version && versionAtLeast(version, 1, 23)) plugins.push('PodSecurity');
  if (version && versionAtLeast(version, 1, 27)) plugins.push('ClusterTrustBundleAttest', 'ValidatingAdmissionPolicy');
  return plugins;
}

const DEFAULTS: Readonly<Record<ComponentKind, Readonly<Record<string, DefaultRule>>>> = {
  'kube-apiserver': {
    'anonymous-auth': always(true, 'kube-apiserver --anonymous-auth defaults to true'),
    profiling: always(true, 'kube-apiserver --profiling defaults to true'),
    'authorization-mode': always(['AlwaysAllow'], 'kube-apiserver --authorization-mode defaults to AlwaysAllow'),
    'enable-admission-plugins': ({ version }) => ({
      value: defaultAdmissionPlugins(version),
      note: `kube-apiserver default-enabled admission plugins${version ? ` (v${formatVersion(version)})` : ' (Kubernetes version unknown)'}`,
    }),
    'disable-admission-plugins': always([], 'kube-apiserver --disable-admission-plugins defaults to empty'),
    'request-timeout': always('1m0s', 'kube-apiserver --request-timeout defaults to 1m0s'),
    'secure-port': always('6443', 'kube-apiserver --secure-port defaults to 6443'),
    // --insecure-port defaulted to 8080 before v1.20, was locked to 0 in v1.20 and removed in v1.24.
    'insecure-port': changedAt(1, 20, '8080', '0', 'kube-apiserver --insecure-port default', 'before'),
    'insecure-bind-address': changedAt(1, 20, '127.0.0.1', undefined, 'kube-apiserver --insecure-bind-address default', 'before'),
    'service-account-lookup': always(true, 'kube-apiserver --service-account-lookup defaults to true'),
    'service-account-extend-token-expiration': always(true, 'kube-apiserver --service-account-extend-token-expiration defaults to true'),
    'audit-log-maxage': always('0', 'kube-apiserver --audit-log-maxage defaults to 0 (no age-based retention)'),
    'audit-log-maxbackup': always('0', 'kube-apiserver --audit-log-maxbackup defaults to 0 (no limit on backups retained)'),
    'audit-log-maxsize': always('0', 'kube-apiserver --audit-log-maxsize defaults to 0 (no rotation by size)'),
    'feature-gates': always({}, 'kube-apiserver --feature-gates defaults to none set'),
    'runtime-config': always({}, 'kube-apiserver --runtime-config defaults to none set'),
    'tls-cipher-suites': always([], 'kube-apiserver --tls-cipher-suites defaults to the Go default cipher list'),
  },
  'kube-controller-manager': {
    profiling: always(true, 'kube-controller-manager --profiling defaults to true'),
    'use-service-account-credentials': always(false, 'kube-controller-manager --use-service-account-credentials defaults to false'),
    'terminated-pod-gc-threshold': always('12500', 'kube-controller-manager --terminated-pod-gc-threshold defaults to 12500'),
    'bind-address': always('0.0.0.0', 'kube-controller-manager --bind-address defaults to 0.0.0.0'),
    'feature-gates': always({}, 'kube-controller-manager --feature-gates defaults to none set'),
  },
  'kube-scheduler': {
    profiling: always(true, 'kube-scheduler --profiling (KubeSchedulerConfiguration enableProfiling) defaults to true'),
    'bind-address': always('0.0.0.0', 'kube-scheduler --bind-address defaults to 0.0.0.0'),
    'feature-gates': always({}, 'kube-scheduler --feature-gates defaults to none set'),
  },
  etcd: {
    'client-cert-auth': always(false, 'etcd --client-cert-auth defaults to false'),
    'peer-client-cert-auth': always(false, 'etcd --peer-client-cert-auth defaults to false'),
    'auto-tls': always(false, 'etcd --auto-tls defaults to false'),
    'peer-auto-tls': always(false, 'etcd --peer-auto-tls defaults to false'),
    'data-dir': always('${name}.etcd', 'etcd --data-dir defaults to ${name}.etcd in the working directory'),
  },
  kubelet: {
    // The kubelet's flag defaults are the insecure historical ones; the KubeletConfiguration
    // v1beta1 file defaults (kubelet.config.k8s.io/v1beta1 SetDefaults_KubeletConfiguration) are safer.
    'anonymous-auth': ({ usesConfigFile }) =>
      usesConfigFile
        ? { value: false, note: 'KubeletConfiguration authentication.anonymous.enabled defaults to false' }
        : { value: true, note: 'kubelet --anonymous-auth defaults to true' },
    'authorization-mode': ({ usesConfigFile }) =>
      usesConfigFile
        ? { value: 'Webhook', note: 'KubeletConfiguration authorization.mode defaults to Webhook' }
        : { value: 'AlwaysAllow', note: 'kubelet --authorization-mode defaults to AlwaysAllow' },
    'authentication-token-webhook': ({ usesConfigFile }) =>
      usesConfigFile
        ? { value: true, note: 'KubeletConfiguration authentication.webhook.enabled defaults to true' }
        : { value: false, note: 'kubelet --authentication-token-webhook defaults to false' },
    'read-only-port': ({ usesConfigFile }) =>
      usesConfigFile
        ? { value: 0, note: 'KubeletConfiguration readOnlyPort defaults to 0 (disabled)' }
        : { value: '10255', note: 'kubelet --read-only-port defaults to 10255' },
    'streaming-connection-idle-timeout': always('4h0m0s', 'kubelet streamingConnectionIdleTimeout defaults to 4h0m0s'),
    'protect-kernel-defaults': always(false, 'kubelet protectKernelDefaults defaults to false'),
    'make-iptables-util-chains': always(true, 'kubelet makeIPTablesUtilChains defaults to true'),
    'event-qps': always(50, 'kubelet eventRecordQPS defaults to 50'),
    'rotate-certificates': always(false, 'kubelet rotateCertificates defaults to false'),
    'rotate-server-certificates': always(false, 'kubelet serverTLSBootstrap defaults to false'),
    'feature-gates': always({}, 'kubelet featureGates defaults to none set'),
    'seccomp-default': always(false, 'kubelet seccompDefault defaults to false'),
    'pod-max-pids': always(-1, 'kubelet podPidsLimit defaults to -1 (unlimited)'),
  },
  'kube-proxy': {
    'metrics-bind-address': always('127.0.0.1:10249', 'kube-proxy metricsBindAddress defaults to 127.0.0.1:10249'),
    'healthz-bind-address': always('0.0.0.0:10256', 'kube-proxy healthzBindAddress defaults to 0.0.0.0:10256'),
    'feature-gates': always({}, 'kube-proxy featureGates defaults to none set'),
  },
};

/** The documented default of an unset setting, or undefined when kubeharden does not know it. */
export function documentedDefault(kind: ComponentKind, name: string, ctx: DefaultContext): DocumentedDefault | undefined {
  return DEFAULTS[kind][name]?.(ctx);
}

/**
 * Feature gates whose default changed with the version. `RotateKubeletServerCertificate` has been
 * beta and on by default since v1.12; `DynamicAuditing` (alpha, off) was removed in v1.19;
 * `DynamicKubeletConfig` was on by default (beta) v1.11–v1.23, off in v1.24–v1.25, removed in v1.26.
 * `PodSecurity` on by default v1.23+, GA (always on) v1.25.
 */
export function featureGateDefault(gate: string, version: ComponentVersion | undefined): DocumentedDefault | undefined {
  const at = (value: boolean, note: string): DocumentedDefault => ({
    value: String(value),
    note: version ? `${note} (v${formatVersion(version)})` : `${note}; Kubernetes version unknown, assuming the less safe default`,
    ...(version ? {} : { assumed: true }),
  });
  switch (gate) {
    case 'RotateKubeletServerCertificate':
      return at(version ? versionAtLeast(version, 1, 12) : false, 'feature gate RotateKubeletServerCertificate default');
    case 'DynamicAuditing':
      return at(false, 'feature gate DynamicAuditing is alpha, off by default (removed in v1.19)');
    case 'DynamicKubeletConfig':
      return at(version ? versionAtLeast(version, 1, 11) && !versionAtLeast(version, 1, 24) : true, 'feature gate DynamicKubeletConfig default');
    case 'PodSecurity':
      return at(version ? versionAtLeast(version, 1, 23) : false, 'feature gate PodSecurity default');
    case 'AllAlpha':
      return at(false, 'AllAlpha is off by default');
    default:
      return undefined;
  }
}
