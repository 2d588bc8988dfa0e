/**
 * Static pod manifests as kubeadm v1.30 writes them to /etc/kubernetes/manifests (flags verbatim
 * from `kubeadm init` with default settings), and the same control plane hardened to pass every
 * CIS/STIG flag item. Shared by the component control tests.
 */

const HEADER = (component: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${component}
    tier: control-plane
  name: ${component}-cp1
  namespace: kube-system
spec:
  hostNetwork: true
  priorityClassName: system-node-critical
  containers:
  - name: ${component}
    image: ${image}
    imagePullPolicy: IfNotPresent
    command:
`;

function manifest(component: string, image: string, flags: string[]): string {
  return HEADER(component, image) + flags.map((flag) => `    - ${flag}\n`).join('');
}

const APISERVER_DEFAULT_FLAGS = [
  'kube-apiserver',
  '--advertise-address=192.168.56.10',
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
  '--requestheader-extra-headers-prefix=X-Remote-Extra-',
  '--requestheader-group-headers=X-Remote-Group',
  '--requestheader-username-headers=X-Remote-User',
  '--secure-port=6443',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
  '--service-cluster-ip-range=10.96.0.0/12',
  '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
  '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
];

export const STIG_CIPHERS =
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384';

const APISERVER_HARDENING = [
  '--anonymous-auth=false',
  '--enable-admission-plugins=NodeRestriction,AlwaysPullImages,EventRateLimit,DenyServiceExternalIPs',
  '--admission-control-config-file=/etc/kubernetes/admission/admission.yaml',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
  '--profiling=false',
  '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
  '--audit-log-path=/var/log/kubernetes/audit/audit.log',
  '--audit-log-maxage=30',
  '--audit-log-maxbackup=10',
  '--audit-log-maxsize=100',
  '--encryption-provider-config=/etc/kubernetes/enc/encryption.yaml',
  '--service-account-extend-token-expiration=false',
  '--tls-min-version=VersionTLS12',
  `--tls-cipher-suites=${STIG_CIPHERS}`,
  '--request-timeout=300s',
];

export const CONTROLLER_MANAGER_DEFAULT_FLAGS = [
  'kube-controller-manager',
  '--allocate-node-cidrs=true',
  '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--bind-address=127.0.0.1',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--cluster-cidr=10.244.0.0/16',
  '--cluster-name=kubernetes',
  '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
  '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
  '--controllers=*,bootstrapsigner,tokencleaner',
  '--kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--leader-elect=true',
  '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
  '--root-ca-file=/etc/kubernetes/pki/ca.crt',
  '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
  '--service-cluster-ip-range=10.96.0.0/12',
  '--use-service-account-credentials=true',
];

export const SCHEDULER_DEFAULT_FLAGS = [
  'kube-scheduler',
  '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
  '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
  '--bind-address=127.0.0.1',
  '--kubeconfig=/etc/kubernetes/scheduler.conf',
  '--leader-elect=true',
];

const ETCD_DEFAULT_FLAGS = [
  'etcd',
  '--advertise-client-urls=https://192.168.56.10:2379',
  '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
  '--client-cert-auth=true',
  '--data-dir=/var/lib/etcd',
  '--experimental-initial-corrupt-check=true',
  '--experimental-watch-progress-notify-interval=5s',
  '--initial-advertise-peer-urls=https://192.168.56.10:2380',
  '--initial-cluster=cp1=https://192.168.56.10:2380',
  '--key-file=/etc/kubernetes/pki/etcd/server.key',
  '--listen-client-urls=https://127.0.0.1:2379,https://192.168.56.10:2379',
  '--listen-metrics-urls=http://127.0.0.1:2381',
  '--listen-peer-urls=https://192.168.56.10:2380',
  '--name=cp1',
  '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
  '--peer-client-cert-auth=true',
  '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
  '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  '--snapshot-count=10000',
  '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
];

const TLS_HARDENING = ['--profiling=false', '--tls-min-version=VersionTLS12'];

export const KUBEADM = {
  apiserver: {
    default: manifest('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.30.2', APISERVER_DEFAULT_FLAGS),
    hardened: manifest('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.30.2', [
      ...APISERVER_DEFAULT_FLAGS.filter((flag) => !flag.startsWith('--enable-admission-plugins=')),
      ...APISERVER_HARDENING,
    ]),
  },
  controllerManager: {
    default: manifest('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.30.2', CONTROLLER_MANAGER_DEFAULT_FLAGS),
    hardened: manifest('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.30.2', [
      ...CONTROLLER_MANAGER_DEFAULT_FLAGS,
      ...TLS_HARDENING,
      '--terminated-pod-gc-threshold=10',
    ]),
  },
  scheduler: {
    default: manifest('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.30.2', SCHEDULER_DEFAULT_FLAGS),
    hardened: manifest('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.30.2', [...SCHEDULER_DEFAULT_FLAGS, ...TLS_HARDENING]),
  },
  etcd: {
    default: manifest('etcd', 'registry.k8s.io/etcd:3.5.12-0', ETCD_DEFAULT_FLAGS),
  },
};

/** A manifest for the given component and version with exactly these flags. */
export function staticPod(component: string, version: string, flags: string[]): string {
  const image = component === 'etcd' ? `registry.k8s.io/etcd:${version}` : `registry.k8s.io/${component}:${version}`;
  return manifest(component, image, [component, ...flags]);
}

/** RKE2 v1.30 with `profile: cis`, as in /var/lib/rancher/rke2/agent/pod-manifests/kube-apiserver.yaml (command + args). */
export const RKE2_CIS_APISERVER = `apiVersion: v1
kind: Pod
metadata:
  labels: {component: kube-apiserver, tier: control-plane}
  name: kube-apiserver
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
  - name: kube-apiserver
    image: index.docker.io/rancher/hardened-kubernetes:v1.30.4-rke2r1
    command: [kube-apiserver]
    args:
    - --admission-control-config-file=/etc/rancher/rke2/rke2-pss.yaml
    - --advertise-address=10.0.0.10
    - --allow-privileged=true
    - --anonymous-auth=false
    - --api-audiences=https://kubernetes.default.svc.cluster.local,rke2
    - --audit-log-maxage=30
    - --audit-log-maxbackup=10
    - --audit-log-maxsize=100
    - --audit-log-path=/var/lib/rancher/rke2/server/logs/audit.log
    - --audit-policy-file=/etc/rancher/rke2/audit-policy.yaml
    - --authorization-mode=Node,RBAC
    - --bind-address=0.0.0.0
    - --cert-dir=/var/lib/rancher/rke2/server/tls/temporary-certs
    - --client-ca-file=/var/lib/rancher/rke2/server/tls/client-ca.crt
    - --egress-selector-config-file=/var/lib/rancher/rke2/server/etc/egress-selector-config.yaml
    - --enable-admission-plugins=NodeRestriction
    - --enable-aggregator-routing=true
    - --enable-bootstrap-token-auth=true
    - --encryption-provider-config=/var/lib/rancher/rke2/server/cred/encryption-config.json
    - --encryption-provider-config-automatic-reload=true
    - --etcd-cafile=/var/lib/rancher/rke2/server/tls/etcd/server-ca.crt
    - --etcd-certfile=/var/lib/rancher/rke2/server/tls/etcd/client.crt
    - --etcd-keyfile=/var/lib/rancher/rke2/server/tls/etcd/client.key
    - --etcd-servers=https://127.0.0.1:2379
    - --kubelet-certificate-authority=/var/lib/rancher/rke2/server/tls/server-ca.crt
    - --kubelet-client-certificate=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.crt
    - --kubelet-client-key=/var/lib/rancher/rke2/server/tls/client-kube-apiserver.key
    - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
    - --profiling=false
    - --proxy-client-cert-file=/var/lib/rancher/rke2/server/tls/client-auth-proxy.crt
    - --proxy-client-key-file=/var/lib/rancher/rke2/server/tls/client-auth-proxy.key
    - --requestheader-allowed-names=system:auth-proxy
    - --requestheader-client-ca-file=/var/lib/rancher/rke2/server/tls/request-header-ca.crt
    - --secure-port=6443
    - --service-account-issuer=https://kubernetes.default.svc.cluster.local
    - --service-account-key-file=/var/lib/rancher/rke2/server/tls/service.key
    - --service-account-lookup=true
    - --service-account-signing-key-file=/var/lib/rancher/rke2/server/tls/service.current.key
    - --service-cluster-ip-range=10.43.0.0/16
    - --storage-backend=etcd3
    - --tls-cert-file=/var/lib/rancher/rke2/server/tls/serving-kube-apiserver.crt
    - --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    - --tls-private-key-file=/var/lib/rancher/rke2/server/tls/serving-kube-apiserver.key
`;
