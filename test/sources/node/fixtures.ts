/**
 * Realistic node roots: the files, modes and owners each distribution really writes (kubeadm
 * v1.30, k3s v1.30, RKE2 v1.30, EKS AL2023 nodeadm, Bottlerocket), built in temp dirs.
 */
import { CONTROLLER_MANAGER_DEFAULT_FLAGS, SCHEDULER_DEFAULT_FLAGS } from '../../controls/component/kubeadm-manifests.js';
import { NodeRootBuilder, type Owned } from './node-root-builder.js';

const staticPod = (name: string, image: string, command: string[], volumes = ''): string => `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${name}
    tier: control-plane
  name: ${name}
  namespace: kube-system
spec:
  containers:
  - command:
${command.map((c) => `    - ${c}`).join('\n')}
    image: ${image}
    imagePullPolicy: IfNotPresent
    name: ${name}
  hostNetwork: true
  priorityClassName: system-node-critical
${volumes}`;

export const KUBEADM_APISERVER_FLAGS = [
  'kube-apiserver',
  '--advertise-address=10.0.0.10',
  '--allow-privileged=true',
  '--authorization-mode=Node,RBAC',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--enable-admission-plugins=NodeRestriction',
  '--enable-bootstrap-token-auth=true',
  '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
  '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
  '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
  '--etcd-servers=https://127.0.0.1:2379',
  '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
  '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
  '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
  '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
  '--requestheader-allowed-names=front-proxy-client',
  '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
  '--secure-port=6443',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
  '--service-cluster-ip-range=10.96.0.0/12',
  '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
  '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
];

const KUBEADM_ETCD_FLAGS = [
  'etcd',
  '--advertise-client-urls=https://10.0.0.10:2379',
  '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
  '--client-cert-auth=true',
  '--data-dir=/var/lib/etcd',
  '--experimental-initial-corrupt-check=true',
  '--initial-advertise-peer-urls=https://10.0.0.10:2380',
  '--initial-cluster=cp1=https://10.0.0.10:2380',
  '--key-file=/etc/kubernetes/pki/etcd/server.key',
  '--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379',
  '--listen-peer-urls=https://10.0.0.10:2380',
  '--name=cp1',
  '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
  '--peer-client-cert-auth=true',
  '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
  '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  '--snapshot-count=10000',
  '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
];

/** kubeadm's generated /var/lib/kubelet/config.yaml (v1.30): durations it leaves to the kubelet are written as 0s. */
export const KUBEADM_KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

/** The drop-in the kubeadm package installs (kubernetes/release, rpm and deb), 0644. */
export const KUBEADM_DROP_IN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

const KUBECONFIG = (user: string) => `apiVersion: v1
kind: Config
clusters:
- cluster: {certificate-authority-data: REDACTED, server: 'https://10.0.0.10:6443'}
  name: kubernetes
contexts:
- context: {cluster: kubernetes, user: ${user}}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
users:
- name: ${user}
  user: {client-certificate-data: REDACTED, client-key-data: REDACTED}
`;

const SECRET = 0o600;

/** The files kubeadm writes on every node that joins: kubelet unit, drop-in, config, kubeconfig, CA. */
function kubeadmNodeBase(b: NodeRootBuilder, hostname: string, opts: { hardened: boolean }): void {
  const tight: Owned = opts.hardened ? { mode: SECRET } : {};
  b.file('/etc/hostname', `${hostname}\n`);
  b.file('/etc/os-release', 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\n');
  b.file('/usr/lib/systemd/system/kubelet.service', KUBELET_UNIT, tight);
  b.file('/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', KUBEADM_DROP_IN, tight);
  b.file('/var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9"\n');
  const config = opts.hardened
    ? KUBEADM_KUBELET_CONFIG.replace('streamingConnectionIdleTimeout: 0s', 'streamingConnectionIdleTimeout: 5m0s')
        .replace('staticPodPath: /etc/kubernetes/manifests\n', '')
        .replace('rotateCertificates: true\n', `rotateCertificates: true
readOnlyPort: 0
protectKernelDefaults: true
makeIPTablesUtilChains: true
eventRecordQPS: 5
tlsCertFile: /var/lib/kubelet/pki/kubelet.crt
tlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key
tlsCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
podPidsLimit: 4096
seccompDefault: true
featureGates:
  RotateKubeletServerCertificate: true
`)
    : KUBEADM_KUBELET_CONFIG;
  b.file('/var/lib/kubelet/config.yaml', config, tight);
  b.file('/etc/kubernetes/kubelet.conf', KUBECONFIG('system:node:' + hostname), { mode: SECRET });
  b.dirAt('/etc/kubernetes/pki');
  b.file('/etc/kubernetes/pki/ca.crt', '-----BEGIN CERTIFICATE-----\n', opts.hardened ? { mode: 0o600 } : {});
  b.file('/etc/cni/net.d/10-calico.conflist', '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[]}\n', tight);
  b.file('/etc/cni/net.d/calico-kubeconfig', KUBECONFIG('calico'), { mode: SECRET });
  b.file('/etc/ssh/sshd_config', 'PermitRootLogin no\n');
  b.symlink('/etc/systemd/system/multi-user.target.wants/kubelet.service', '/usr/lib/systemd/system/kubelet.service');
  b.symlink('/etc/systemd/system/multi-user.target.wants/ssh.service', '/lib/systemd/system/ssh.service');
}

/** A kubeadm v1.30 control-plane node as `kubeadm init` leaves it, or hardened to pass every file and kubelet item. */
export function kubeadmControlPlane(opts: { hardened: boolean }): NodeRootBuilder {
  const b = new NodeRootBuilder();
  kubeadmNodeBase(b, 'cp1', opts);
  const version = 'v1.30.2';
  const apiserver = opts.hardened
    ? [...KUBEADM_APISERVER_FLAGS, '--anonymous-auth=false', '--profiling=false', '--tls-min-version=VersionTLS12']
    : KUBEADM_APISERVER_FLAGS;
  b.dirAt('/etc/kubernetes/manifests', { mode: 0o700 });
  b.file('/etc/kubernetes/manifests/kube-apiserver.yaml', staticPod('kube-apiserver', `registry.k8s.io/kube-apiserver:${version}`, apiserver), { mode: SECRET });
  b.file('/etc/kubernetes/manifests/kube-controller-manager.yaml', staticPod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${version}`, CONTROLLER_MANAGER_DEFAULT_FLAGS), { mode: SECRET });
  b.file('/etc/kubernetes/manifests/kube-scheduler.yaml', staticPod('kube-scheduler', `registry.k8s.io/kube-scheduler:${version}`, SCHEDULER_DEFAULT_FLAGS), { mode: SECRET });
  b.file('/etc/kubernetes/manifests/etcd.yaml', staticPod('etcd', 'registry.k8s.io/etcd:3.5.12-0', KUBEADM_ETCD_FLAGS), { mode: SECRET });
  for (const name of ['admin.conf', 'super-admin.conf', 'scheduler.conf', 'controller-manager.conf']) {
    b.file(`/etc/kubernetes/${name}`, KUBECONFIG(name), { mode: SECRET });
  }
  b.dirAt('/etc/kubernetes/pki/etcd');
  for (const name of ['ca', 'apiserver', 'apiserver-kubelet-client', 'front-proxy-ca', 'front-proxy-client', 'apiserver-etcd-client', 'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client']) {
    if (name !== 'ca') b.file(`/etc/kubernetes/pki/${name}.crt`, '-----BEGIN CERTIFICATE-----\n', opts.hardened ? { mode: 0o600 } : {});
    b.file(`/etc/kubernetes/pki/${name}.key`, '-----BEGIN RSA PRIVATE KEY-----\n', { mode: SECRET });
  }
  b.file('/etc/kubernetes/pki/sa.pub', '-----BEGIN PUBLIC KEY-----\n');
  b.file('/etc/kubernetes/pki/sa.key', '-----BEGIN RSA PRIVATE KEY-----\n', { mode: SECRET });
  // kubeadm creates the etcd data dir 0700 root:root; CIS 1.1.12 wants etcd:etcd.
  const etcdOwner: Owned = opts.hardened ? { owner: 'etcd', group: 'etcd' } : {};
  b.dirAt('/var/lib/etcd', { mode: 0o700, ...etcdOwner });
  b.dirAt('/var/lib/etcd/member', { mode: 0o700, ...etcdOwner });
  b.file('/var/lib/etcd/member/snap/db', 'bolt', { mode: SECRET, ...etcdOwner });
  if (opts.hardened) b.dirAt('/etc/systemd/system/multi-user.target.wants');
  return b;
}

/** A kubeadm v1.30 worker after `kubeadm join`, with sshd running and enabled, kube-proxy running from its DaemonSet. */
export function kubeadmWorker(opts: { sshd: boolean } = { sshd: true }): NodeRootBuilder {
  const b = new NodeRootBuilder();
  kubeadmNodeBase(b, 'worker1', { hardened: false });
  b.file('/var/lib/dpkg/status', `Package: kubeadm
Status: install ok installed
Version: 1.30.2-1.1

Package: kubelet
Status: install ok installed
Priority: optional
Architecture: amd64
Version: 1.30.2-1.1
Description: Node agent for Kubernetes clusters
`);
  b.process(1, ['/sbin/init']);
  b.process(812, ['/usr/bin/kubelet', '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf', '--kubeconfig=/etc/kubernetes/kubelet.conf', '--config=/var/lib/kubelet/config.yaml', '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock', '--pod-infra-container-image=registry.k8s.io/pause:3.9']);
  if (opts.sshd) b.process(640, ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups']);
  // kube-proxy reads /var/lib/kube-proxy/config.conf inside its container (a ConfigMap volume).
  b.process(2301, ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=worker1']);
  b.file('/proc/2301/root/var/lib/kube-proxy/config.conf', `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
metricsBindAddress: ""
mode: iptables
`);
  if (!opts.sshd) {
    b.remove('/etc/systemd/system/multi-user.target.wants/ssh.service');
  }
  return b;
}

/** A k3s v1.30 server with embedded etcd (cluster-init), running; the kubeconfig made world-readable by write-kubeconfig-mode. */
export function k3sServer(): NodeRootBuilder {
  const b = new NodeRootBuilder();
  const d = '/var/lib/rancher/k3s';
  b.file('/etc/hostname', 'k3s-server1\n');
  b.file('/etc/os-release', 'NAME="SLES"\nID="sles"\nPRETTY_NAME="SUSE Linux Enterprise Server 15 SP5"\n');
  b.file('/etc/rancher/k3s/config.yaml', `write-kubeconfig-mode: "0644"
cluster-init: true
protect-kernel-defaults: true
secrets-encryption: true
kube-apiserver-arg:
  - "audit-log-path=/var/lib/rancher/k3s/server/logs/audit.log"
  - "audit-log-maxage=30"
kubelet-arg:
  - "streaming-connection-idle-timeout=5m"
`, { mode: 0o600 });
  b.file('/etc/rancher/k3s/k3s.yaml', KUBECONFIG('default'), { mode: 0o644 });
  b.file('/etc/systemd/system/k3s.service', '[Unit]\nDescription=Lightweight Kubernetes\n[Service]\nType=notify\nExecStart=/usr/local/bin/k3s server\n', { mode: 0o644 });
  b.process(1, ['/usr/lib/systemd/systemd']);
  b.process(1021, ['/usr/local/bin/k3s', 'server']);
  b.dirAt(`${d}/server/tls`, { mode: 0o700 });
  b.dirAt(`${d}/server/tls/etcd`, { mode: 0o700 });
  for (const name of ['client-ca', 'server-ca', 'request-header-ca', 'client-admin', 'serving-kube-apiserver', 'client-kube-apiserver', 'etcd/server-ca', 'etcd/peer-ca', 'etcd/client']) {
    b.file(`${d}/server/tls/${name}.crt`, '-----BEGIN CERTIFICATE-----\n', { mode: 0o644 });
    b.file(`${d}/server/tls/${name}.key`, '-----BEGIN EC PRIVATE KEY-----\n', { mode: 0o600 });
  }
  b.dirAt(`${d}/server/cred`, { mode: 0o700 });
  for (const name of ['scheduler', 'controller', 'admin']) b.file(`${d}/server/cred/${name}.kubeconfig`, KUBECONFIG(name), { mode: 0o600 });
  b.file(`${d}/server/cred/encryption-config.json`, '{"kind":"EncryptionConfiguration","apiVersion":"apiserver.config.k8s.io/v1","resources":[{"resources":["secrets"],"providers":[{"aescbc":{"keys":[{"name":"aescbckey","secret":"c2VjcmV0"}]}},{"identity":{}}]}]}', { mode: 0o600 });
  b.dirAt(`${d}/server/db/etcd`, { mode: 0o700 });
  b.dirAt(`${d}/server/db/etcd/member`, { mode: 0o700 });
  b.file(`${d}/server/db/etcd/config`, `advertise-client-urls: https://10.0.0.20:2379
client-transport-security:
  cert-file: ${d}/server/tls/etcd/server-client.crt
  client-cert-auth: true
  key-file: ${d}/server/tls/etcd/server-client.key
  trusted-ca-file: ${d}/server/tls/etcd/server-ca.crt
data-dir: ${d}/server/db/etcd
listen-client-urls: https://127.0.0.1:2379,https://10.0.0.20:2379
name: k3s-server1-6d1b7c3a
peer-transport-security:
  cert-file: ${d}/server/tls/etcd/peer-server-client.crt
  client-cert-auth: true
  key-file: ${d}/server/tls/etcd/peer-server-client.key
  trusted-ca-file: ${d}/server/tls/etcd/peer-ca.crt
`, { mode: 0o600 });
  b.file(`${d}/agent/kubelet.kubeconfig`, KUBECONFIG('system:node:k3s-server1'), { mode: 0o600 });
  b.file(`${d}/agent/kubeproxy.kubeconfig`, KUBECONFIG('system:kube-proxy'), { mode: 0o600 });
  b.file(`${d}/agent/client-ca.crt`, '-----BEGIN CERTIFICATE-----\n', { mode: 0o644 });
  b.file(`${d}/agent/etc/cni/net.d/10-flannel.conflist`, '{"name":"cbr0","cniVersion":"1.0.0","plugins":[]}\n', { mode: 0o600 });
  return b;
}

const RKE2_IMAGE = 'index.docker.io/rancher/hardened-kubernetes:v1.30.2-rke2r1-build20240613';

/** An RKE2 v1.30 server with `profile: cis`: control plane as static pods, the kubelet as a child process. */
export function rke2Server(): NodeRootBuilder {
  const b = new NodeRootBuilder();
  const d = '/var/lib/rancher/rke2';
  b.file('/etc/hostname', 'rke2-server1\n');
  b.file('/etc/os-release', 'NAME="Rocky Linux"\nID="rocky"\nPRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"\n');
  b.file('/etc/rancher/rke2/config.yaml', 'profile: cis\nselinux: true\n', { mode: 0o600 });
  b.file('/etc/rancher/rke2/rke2.yaml', KUBECONFIG('default'), { mode: 0o600 });
  b.file('/etc/rancher/rke2/audit-policy.yaml', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n', { mode: 0o600 });
  b.file('/etc/rancher/rke2/rke2-pss.yaml', 'apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n- name: PodSecurity\n  configuration:\n    apiVersion: pod-security.admission.config.k8s.io/v1\n    kind: PodSecurityConfiguration\n    defaults: {enforce: restricted, enforce-version: latest}\n', { mode: 0o600 });
  b.file(`${d}/server/cred/encryption-config.json`, '{"kind":"EncryptionConfiguration","apiVersion":"apiserver.config.k8s.io/v1","resources":[{"resources":["secrets"],"providers":[{"aescbc":{"keys":[{"name":"aescbckey-2024","secret":"c2VjcmV0LXZhbHVlLWZvci10ZXN0cw=="}]}},{"identity":{}}]}]}', { mode: 0o600 });
  b.file('/usr/local/lib/systemd/system/rke2-server.service', '[Unit]\nDescription=Rancher Kubernetes Engine v2 (server)\n[Service]\nExecStart=/usr/local/bin/rke2 server\n', { mode: 0o644 });
  b.process(1, ['/usr/lib/systemd/systemd']);
  b.process(900, ['/usr/local/bin/rke2', 'server']);
  b.process(1204, [
    `${d}/data/v1.30.2-rke2r1-6f2d4a1b2c3d/bin/kubelet`,
    '--address=0.0.0.0',
    '--anonymous-auth=false',
    '--authentication-token-webhook=true',
    '--authorization-mode=Webhook',
    '--cgroup-driver=systemd',
    `--client-ca-file=${d}/agent/client-ca.crt`,
    '--cloud-provider=external',
    '--cluster-dns=10.43.0.10',
    '--cluster-domain=cluster.local',
    '--container-runtime-endpoint=unix:///run/k3s/containerd/containerd.sock',
    '--fail-swap-on=false',
    '--healthz-bind-address=127.0.0.1',
    '--hostname-override=rke2-server1',
    `--kubeconfig=${d}/agent/kubelet.kubeconfig`,
    `--pod-manifest-path=${d}/agent/pod-manifests`,
    '--protect-kernel-defaults=true',
    '--read-only-port=0',
    '--serialize-image-pulls=false',
    `--tls-cert-file=${d}/agent/serving-kubelet.crt`,
    `--tls-private-key-file=${d}/agent/serving-kubelet.key`,
  ]);
  const m = `${d}/agent/pod-manifests`;
  b.dirAt(m, { mode: 0o700 });
  b.file(`${m}/kube-apiserver.yaml`, staticPod('kube-apiserver', RKE2_IMAGE, [
    'kube-apiserver',
    '--admission-control-config-file=/etc/rancher/rke2/rke2-pss.yaml',
    '--allow-privileged=true',
    '--anonymous-auth=false',
    '--audit-log-maxage=30',
    '--audit-log-maxbackup=10',
    '--audit-log-maxsize=100',
    `--audit-log-path=${d}/server/logs/audit.log`,
    `--audit-policy-file=/etc/rancher/rke2/audit-policy.yaml`,
    '--authorization-mode=Node,RBAC',
    `--client-ca-file=${d}/server/tls/client-ca.crt`,
    '--enable-admission-plugins=NodeRestriction',
    `--encryption-provider-config=${d}/server/cred/encryption-config.json`,
    `--etcd-cafile=${d}/server/tls/etcd/server-ca.crt`,
    `--etcd-certfile=${d}/server/tls/etcd/client.crt`,
    `--etcd-keyfile=${d}/server/tls/etcd/client.key`,
    '--etcd-servers=https://127.0.0.1:2379',
    `--kubelet-certificate-authority=${d}/server/tls/server-ca.crt`,
    `--kubelet-client-certificate=${d}/server/tls/client-kube-apiserver.crt`,
    `--kubelet-client-key=${d}/server/tls/client-kube-apiserver.key`,
    '--profiling=false',
    '--secure-port=6443',
    `--service-account-key-file=${d}/server/tls/service.key`,
    `--tls-cert-file=${d}/server/tls/serving-kube-apiserver.crt`,
    `--tls-private-key-file=${d}/server/tls/serving-kube-apiserver.key`,
  ]), { mode: 0o600 });
  b.file(`${m}/kube-controller-manager.yaml`, staticPod('kube-controller-manager', RKE2_IMAGE, [
    'kube-controller-manager',
    `--authentication-kubeconfig=${d}/server/cred/controller.kubeconfig`,
    '--bind-address=127.0.0.1',
    `--kubeconfig=${d}/server/cred/controller.kubeconfig`,
    '--profiling=false',
    `--root-ca-file=${d}/server/tls/server-ca.crt`,
    `--service-account-private-key-file=${d}/server/tls/service.current.key`,
    '--terminated-pod-gc-threshold=1000',
    '--use-service-account-credentials=true',
  ]), { mode: 0o600 });
  b.file(`${m}/kube-scheduler.yaml`, staticPod('kube-scheduler', RKE2_IMAGE, [
    'kube-scheduler',
    `--authentication-kubeconfig=${d}/server/cred/scheduler.kubeconfig`,
    '--bind-address=127.0.0.1',
    `--kubeconfig=${d}/server/cred/scheduler.kubeconfig`,
    '--profiling=false',
  ]), { mode: 0o600 });
  b.file(`${m}/etcd.yaml`, staticPod('etcd', 'index.docker.io/rancher/hardened-etcd:v3.5.13-k3s1-build20240531', ['etcd', `--config-file=${d}/server/db/etcd/config`]), { mode: 0o600 });
  b.file(`${m}/kube-proxy.yaml`, staticPod('kube-proxy', RKE2_IMAGE, ['kube-proxy', '--cluster-cidr=10.42.0.0/16', '--healthz-bind-address=127.0.0.1', `--kubeconfig=${d}/agent/kubeproxy.kubeconfig`, '--proxy-mode=iptables']), { mode: 0o600 });
  b.dirAt(`${d}/server/tls/etcd`, { mode: 0o700 });
  for (const name of ['client-ca', 'server-ca', 'serving-kube-apiserver', 'client-kube-apiserver', 'etcd/server-ca', 'etcd/client']) {
    b.file(`${d}/server/tls/${name}.crt`, '-----BEGIN CERTIFICATE-----\n', { mode: 0o600 });
    b.file(`${d}/server/tls/${name}.key`, '-----BEGIN EC PRIVATE KEY-----\n', { mode: 0o600 });
  }
  b.dirAt(`${d}/server/tls`, { mode: 0o700 });
  b.dirAt(`${d}/server/cred`, { mode: 0o700 });
  for (const name of ['scheduler', 'controller']) b.file(`${d}/server/cred/${name}.kubeconfig`, KUBECONFIG(name), { mode: 0o600 });
  b.dirAt(`${d}/server/db/etcd`, { mode: 0o700, owner: 'etcd', group: 'etcd' });
  b.dirAt(`${d}/server/db/etcd/member`, { mode: 0o700, owner: 'etcd', group: 'etcd' });
  b.file(`${d}/server/db/etcd/config`, `data-dir: ${d}/server/db/etcd
client-transport-security:
  cert-file: ${d}/server/tls/etcd/server-client.crt
  key-file: ${d}/server/tls/etcd/server-client.key
  client-cert-auth: true
  trusted-ca-file: ${d}/server/tls/etcd/server-ca.crt
peer-transport-security:
  cert-file: ${d}/server/tls/etcd/peer-server-client.crt
  key-file: ${d}/server/tls/etcd/peer-server-client.key
  client-cert-auth: true
  trusted-ca-file: ${d}/server/tls/etcd/peer-ca.crt
`, { mode: 0o600, owner: 'etcd', group: 'etcd' });
  b.file(`${d}/agent/kubelet.kubeconfig`, KUBECONFIG('system:node:rke2-server1'), { mode: 0o600 });
  b.file(`${d}/agent/kubeproxy.kubeconfig`, KUBECONFIG('system:kube-proxy'), { mode: 0o600 });
  b.file(`${d}/agent/client-ca.crt`, '-----BEGIN CERTIFICATE-----\n', { mode: 0o600 });
  b.file('/etc/cni/net.d/05-cilium.conflist', '{"cniVersion":"0.3.1","name":"portmap","plugins":[]}\n', { mode: 0o600 });
  return b;
}

/** An EKS worker on Amazon Linux 2023 (nodeadm), as the AMI ships it: no process table (image root). */
export function eksAl2023Worker(): NodeRootBuilder {
  const b = new NodeRootBuilder();
  b.file('/etc/hostname', 'ip-10-0-1-23.ec2.internal\n');
  b.file('/etc/os-release', 'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nPRETTY_NAME="Amazon Linux 2023.5.20240805"\n');
  b.file('/etc/systemd/system/kubelet.service', `[Unit]
Description=Kubernetes Kubelet
After=containerd.service sandbox-image.service
Requires=containerd.service sandbox-image.service

[Service]
Slice=runtime.slice
EnvironmentFile=/etc/eks/kubelet/environment
ExecStartPre=/sbin/iptables -P FORWARD ACCEPT -w 5
ExecStart=/usr/bin/kubelet $NODEADM_KUBELET_ARGS
Restart=on-failure
RestartSec=5
KillMode=process

[Install]
WantedBy=multi-user.target
`);
  b.file('/etc/eks/kubelet/environment', 'NODEADM_KUBELET_ARGS="--node-ip=10.0.1.23 --cloud-provider=external --hostname-override=ip-10-0-1-23.ec2.internal --config=/etc/kubernetes/kubelet/config.json --config-dir=/etc/kubernetes/kubelet/config.json.d --kubeconfig=/var/lib/kubelet/kubeconfig --image-credential-provider-bin-dir=/etc/eks/image-credential-provider --image-credential-provider-config=/etc/eks/image-credential-provider/config.json"\n');
  b.file('/etc/kubernetes/kubelet/config.json', JSON.stringify({
    kind: 'KubeletConfiguration',
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    address: '0.0.0.0',
    authentication: { anonymous: { enabled: false }, webhook: { cacheTTL: '2m0s', enabled: true }, x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
    clusterDomain: 'cluster.local',
    hairpinMode: 'hairpin-veth',
    readOnlyPort: 0,
    cgroupDriver: 'systemd',
    cgroupRoot: '/',
    featureGates: { RotateKubeletServerCertificate: true },
    protectKernelDefaults: true,
    serializeImagePulls: false,
    serverTLSBootstrap: true,
    tlsCipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'],
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
  }, null, 2));
  b.file('/etc/kubernetes/kubelet/config.json.d/00-nodeadm.conf', JSON.stringify({ apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', clusterDNS: ['172.20.0.10'], maxPods: 29, providerID: 'aws:///us-east-1a/i-0abc' }));
  b.file('/var/lib/kubelet/kubeconfig', KUBECONFIG('kubelet'), { mode: 0o644 });
  b.file('/etc/kubernetes/pki/ca.crt', '-----BEGIN CERTIFICATE-----\n', { mode: 0o644 });
  b.file('/etc/cni/net.d/10-aws.conflist', '{"cniVersion":"0.4.0","name":"aws-cni","plugins":[]}\n', { mode: 0o644 });
  b.symlink('/etc/systemd/system/multi-user.target.wants/kubelet.service', '/etc/systemd/system/kubelet.service');
  b.symlink('/etc/systemd/system/multi-user.target.wants/sshd.service', '/usr/lib/systemd/system/sshd.service');
  return b;
}

/** A Bottlerocket (aws-k8s-1.30) EKS node, as its settings templates render it: no sshd, config files 0644. */
export function bottlerocketWorker(): NodeRootBuilder {
  const b = new NodeRootBuilder();
  b.file('/etc/hostname', 'ip-10-0-2-44.us-west-2.compute.internal\n');
  b.file('/etc/os-release', 'NAME=Bottlerocket\nID=bottlerocket\nVERSION="1.20.3 (aws-k8s-1.30)"\nPRETTY_NAME="Bottlerocket OS 1.20.3 (aws-k8s-1.30)"\nVARIANT_ID=aws-k8s-1.30\n');
  b.file('/usr/lib/systemd/system/kubelet.service', `[Unit]
Description=Kubelet
After=containerd.service configured.target
Wants=configured.target

[Service]
Type=notify
EnvironmentFile=/etc/network/proxy.env
EnvironmentFile=/etc/kubernetes/kubelet/env
ExecStart=/usr/bin/kubelet \\
    --cloud-provider external \\
    --kubeconfig /etc/kubernetes/kubelet/kubeconfig \\
    --config /etc/kubernetes/kubelet/config \\
    --container-runtime-endpoint=unix:///run/containerd/containerd.sock \\
    --root-dir /var/lib/kubelet \\
    --cert-dir /var/lib/kubelet/pki \\
    --node-ip \${NODE_IP} \\
    --node-labels "\${NODE_LABELS}" \\
    --pod-infra-container-image \${POD_INFRA_CONTAINER_IMAGE} \\
    $KUBELET_EXTRA_ARGS
Restart=always

[Install]
WantedBy=multi-user.target
`);
  b.file('/etc/network/proxy.env', '');
  b.file('/etc/kubernetes/kubelet/env', 'NODE_IP=10.0.2.44\nNODE_LABELS=\nPOD_INFRA_CONTAINER_IMAGE=602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.1-eksbuild.1\n');
  b.file('/etc/kubernetes/kubelet/config', `---
kind: KubeletConfiguration
apiVersion: kubelet.config.k8s.io/v1beta1
address: 0.0.0.0
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 2m0s
    enabled: true
  x509:
    clientCAFile: "/etc/kubernetes/pki/ca.crt"
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 5m0s
    cacheUnauthorizedTTL: 30s
clusterDomain: cluster.local
clusterDNS:
- 172.20.0.10
resolvConf: "/run/netdog/resolv.conf"
hairpinMode: hairpin-veth
readOnlyPort: 0
cgroupDriver: systemd
cgroupRoot: "/"
runtimeRequestTimeout: 15m
protectKernelDefaults: true
serializeImagePulls: true
seccompDefault: false
serverTLSBootstrap: true
tlsCipherSuites:
- TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
- TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305
- TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
- TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305
- TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
podPidsLimit: 1048576
maxPods: 29
staticPodPath: "/etc/kubernetes/static-pods/"
providerID: aws:///us-west-2a/i-0def
`);
  b.dirAt('/etc/kubernetes/static-pods');
  b.file('/etc/kubernetes/kubelet/kubeconfig', KUBECONFIG('kubelet'), { mode: 0o644 });
  b.file('/etc/kubernetes/pki/ca.crt', '-----BEGIN CERTIFICATE-----\n', { mode: 0o644 });
  b.file('/etc/cni/net.d/10-aws.conflist', '{"cniVersion":"0.4.0","name":"aws-cni","plugins":[]}\n', { mode: 0o644 });
  b.dirAt('/etc/systemd/system/multi-user.target.wants');
  b.symlink('/etc/systemd/system/multi-user.target.wants/kubelet.service', '/usr/lib/systemd/system/kubelet.service');
  return b;
}
