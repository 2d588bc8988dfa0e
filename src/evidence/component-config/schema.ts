import type { ComponentKind } from './kinds.js';

/** How a component combines its command-line flags with its config file. */
export type Precedence =
  /** kubelet: "flags on the command line take precedence over the config file" (kubelet --config help). */
  | 'flags-over-file'
  /**
   * kube-proxy and kube-scheduler: with --config the file is the configuration; the flags it
   * covers are ignored (kube-proxy copies only logging flags over it; kube-scheduler's --help:
   * "This parameter is ignored if a config file is specified in --config").
   */
  | 'file-over-flags'
  /** etcd --config-file: "other command line flags and environment variables will be ignored". */
  | 'file-only';

/** What the model needs to know about one component's flags and config file. */
export interface ComponentSchema {
  /** The flag naming the config file, if the component has one. */
  configFlag?: string;
  precedence?: Precedence;
  /** Boolean flags: a bare `--name` is true and never consumes the next argument. */
  booleanFlags: ReadonlySet<string>;
  /** pflag StringSlice flags: comma lists, and a repeated flag appends (pflag stringSlice.Set). */
  listFlags: ReadonlySet<string>;
  /** key=value maps; a repeated flag merges keys, later wins (component-base featureGate.Set). */
  mapFlags: ReadonlySet<string>;
  /** Config-file field (dotted path) for a flag name. */
  configFields: Readonly<Record<string, string>>;
  /** Environment variable prefix that sets flags (etcd: ETCD_ + upper snake case). */
  envPrefix?: string;
}

const COMMON_BOOLEANS = ['profiling', 'contention-profiling', 'help', 'version', 'logtostderr', 'alsologtostderr'];
const COMMON_LISTS = ['tls-cipher-suites', 'tls-sni-cert-key'];

export const SCHEMAS: Readonly<Record<ComponentKind, ComponentSchema>> = {
  'kube-apiserver': {
    booleanFlags: new Set([
      ...COMMON_BOOLEANS,
      'anonymous-auth',
      'allow-privileged',
      'service-account-lookup',
      'service-account-extend-token-expiration',
      'enable-aggregator-routing',
      'enable-bootstrap-token-auth',
      'enable-garbage-collector',
      'enable-priority-and-fairness',
      'audit-log-compress',
      'kubelet-https',
      'storage-media-type-proto',
      'enable-logs-handler',
      'endpoint-reconciler-type-lease',
      'watch-cache',
      'strict-transport-security-directives-off',
    ]),
    listFlags: new Set([
      ...COMMON_LISTS,
      'enable-admission-plugins',
      'disable-admission-plugins',
      'admission-control',
      'authorization-mode',
      'service-account-key-file',
      'api-audiences',
      'etcd-servers',
      'etcd-servers-overrides',
      'cors-allowed-origins',
      'requestheader-allowed-names',
      'requestheader-extra-headers-prefix',
      'requestheader-group-headers',
      'requestheader-username-headers',
      'kubelet-preferred-address-types',
      'service-account-issuer',
    ]),
    mapFlags: new Set(['feature-gates', 'runtime-config']),
    configFields: {},
  },
  'kube-controller-manager': {
    booleanFlags: new Set([
      ...COMMON_BOOLEANS,
      'use-service-account-credentials',
      'allocate-node-cidrs',
      'leader-elect',
      'enable-hostpath-provisioner',
      'configure-cloud-routes',
      'enable-dynamic-provisioning',
      'enable-garbage-collector',
      'enable-taint-manager',
    ]),
    listFlags: new Set([...COMMON_LISTS, 'controllers']),
    mapFlags: new Set(['feature-gates']),
    configFields: {},
  },
  'kube-scheduler': {
    configFlag: 'config',
    precedence: 'file-over-flags',
    booleanFlags: new Set([...COMMON_BOOLEANS, 'leader-elect']),
    listFlags: new Set([...COMMON_LISTS]),
    mapFlags: new Set(['feature-gates']),
    // KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) inlines DebuggingConfiguration.
    configFields: { profiling: 'enableProfiling', 'contention-profiling': 'enableContentionProfiling' },
  },
  etcd: {
    configFlag: 'config-file',
    precedence: 'file-only',
    envPrefix: 'ETCD_',
    booleanFlags: new Set([
      'client-cert-auth',
      'peer-client-cert-auth',
      'auto-tls',
      'peer-auto-tls',
      'enable-pprof',
      'strict-reconfig-check',
      'force-new-cluster',
      'enable-v2',
      'help',
      'version',
    ]),
    listFlags: new Set(['cipher-suites']),
    mapFlags: new Set(),
    // etcd's YAML config file uses the flag names; TLS settings sit under client-transport-security
    // and peer-transport-security (etcd embed.configYAML).
    configFields: {
      'cert-file': 'client-transport-security.cert-file',
      'key-file': 'client-transport-security.key-file',
      'client-cert-auth': 'client-transport-security.client-cert-auth',
      'trusted-ca-file': 'client-transport-security.trusted-ca-file',
      'auto-tls': 'client-transport-security.auto-tls',
      'peer-cert-file': 'peer-transport-security.cert-file',
      'peer-key-file': 'peer-transport-security.key-file',
      'peer-client-cert-auth': 'peer-transport-security.client-cert-auth',
      'peer-trusted-ca-file': 'peer-transport-security.trusted-ca-file',
      'peer-auto-tls': 'peer-transport-security.auto-tls',
      'data-dir': 'data-dir',
      'listen-client-urls': 'listen-client-urls',
      'listen-peer-urls': 'listen-peer-urls',
      'advertise-client-urls': 'advertise-client-urls',
      'cipher-suites': 'cipher-suites',
      'tls-min-version': 'tls-min-version',
      'enable-pprof': 'enable-pprof',
      name: 'name',
    },
  },
  kubelet: {
    configFlag: 'config',
    precedence: 'flags-over-file',
    booleanFlags: new Set([
      ...COMMON_BOOLEANS,
      'anonymous-auth',
      'protect-kernel-defaults',
      'make-iptables-util-chains',
      'rotate-certificates',
      'rotate-server-certificates',
      'fail-swap-on',
      'serialize-image-pulls',
      'register-node',
      'enable-server',
      'enable-debugging-handlers',
      'seccomp-default',
      'cgroups-per-qos',
      'exit-on-lock-contention',
      'keep-terminated-pod-volumes',
      'kernel-memcg-notification',
      'register-schedulable',
      'enable-controller-attach-detach',
      'enable-load-reader',
      'read-only-port-enabled',
    ]),
    listFlags: new Set([...COMMON_LISTS, 'allowed-unsafe-sysctls', 'register-with-taints', 'enforce-node-allocatable', 'node-ip']),
    mapFlags: new Set(['feature-gates', 'eviction-hard', 'eviction-soft', 'kube-reserved', 'system-reserved', 'node-labels']),
    // KubeletConfiguration (kubelet.config.k8s.io/v1beta1) field for each flag the benchmarks name.
    configFields: {
      'anonymous-auth': 'authentication.anonymous.enabled',
      'authentication-token-webhook': 'authentication.webhook.enabled',
      'client-ca-file': 'authentication.x509.clientCAFile',
      'authorization-mode': 'authorization.mode',
      'read-only-port': 'readOnlyPort',
      'port': 'port',
      'address': 'address',
      'streaming-connection-idle-timeout': 'streamingConnectionIdleTimeout',
      'protect-kernel-defaults': 'protectKernelDefaults',
      'make-iptables-util-chains': 'makeIPTablesUtilChains',
      'event-qps': 'eventRecordQPS',
      'tls-cert-file': 'tlsCertFile',
      'tls-private-key-file': 'tlsPrivateKeyFile',
      'tls-cipher-suites': 'tlsCipherSuites',
      'tls-min-version': 'tlsMinVersion',
      'rotate-certificates': 'rotateCertificates',
      'rotate-server-certificates': 'serverTLSBootstrap',
      'feature-gates': 'featureGates',
      'pod-max-pids': 'podPidsLimit',
      'seccomp-default': 'seccompDefault',
      'pod-manifest-path': 'staticPodPath',
      'cgroup-driver': 'cgroupDriver',
      'enable-server': 'enableServer',
      'enable-debugging-handlers': 'enableDebuggingHandlers',
      'healthz-bind-address': 'healthzBindAddress',
      'allowed-unsafe-sysctls': 'allowedUnsafeSysctls',
      'max-pods': 'maxPods',
      'cluster-dns': 'clusterDNS',
      'cluster-domain': 'clusterDomain',
      'eviction-hard': 'evictionHard',
      'fail-swap-on': 'failSwapOn',
      'image-gc-high-threshold': 'imageGCHighThresholdPercent',
    },
  },
  'kube-proxy': {
    configFlag: 'config',
    precedence: 'file-over-flags',
    booleanFlags: new Set([...COMMON_BOOLEANS, 'masquerade-all', 'cleanup', 'bind-address-hard-fail']),
    listFlags: new Set(['nodeport-addresses', 'ipvs-exclude-cidrs']),
    mapFlags: new Set(['feature-gates']),
    // KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1).
    configFields: {
      'metrics-bind-address': 'metricsBindAddress',
      'healthz-bind-address': 'healthzBindAddress',
      'bind-address': 'bindAddress',
      kubeconfig: 'clientConnection.kubeconfig',
      'proxy-mode': 'mode',
      'feature-gates': 'featureGates',
      'cluster-cidr': 'clusterCIDR',
      'hostname-override': 'hostnameOverride',
      'nodeport-addresses': 'nodePortAddresses',
    },
  },
};

/** etcd environment variable for a flag: `client-cert-auth` → `ETCD_CLIENT_CERT_AUTH`. */
export function envVariableOf(prefix: string, flag: string): string {
  return prefix + flag.toUpperCase().replace(/-/g, '_');
}

/** The flag an environment variable sets: `ETCD_CLIENT_CERT_AUTH` → `client-cert-auth`. */
export function flagOfEnvVariable(prefix: string, variable: string): string | undefined {
  if (!variable.startsWith(prefix) || variable.length === prefix.length) return undefined;
  return variable.slice(prefix.length).toLowerCase().replace(/_/g, '-');
}
