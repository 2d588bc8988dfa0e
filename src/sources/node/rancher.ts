import type { NodeComponentKind } from '../../evidence/node.js';
import { readConfigFile } from './config-files.js';
import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

export type RancherFlavour = 'k3s' | 'rke2';

/** A k3s or RKE2 installation: its merged config.yaml and where it keeps things. */
export interface RancherInstall {
  flavour: RancherFlavour;
  /** /etc/rancher/<flavour>/config.yaml merged with config.yaml.d/*.yaml. */
  config: Record<string, unknown>;
  configFiles: string[];
  dataDir: string;
  /** True for a server (control plane); false for an agent. */
  server: boolean;
  /** The server runs etcd (RKE2 servers; k3s with cluster-init or an etcd member directory), not SQLite/kine. */
  embeddedEtcd: boolean;
  problems: { path: string; message: string }[];
}

/**
 * Detects k3s or RKE2 from /etc/rancher/<flavour>, /var/lib/rancher/<flavour> or its process, and
 * reads config.yaml plus config.yaml.d/*.yaml in name order (a key ending in `+` appends to a list).
 */
export function readRancher(root: NodeRoot, programs: ReadonlySet<string>): RancherInstall | undefined {
  for (const flavour of ['rke2', 'k3s'] as const) {
    const etc = `/etc/rancher/${flavour}`;
    const present = !isError(root.stat(etc)) || !isError(root.stat(`/var/lib/rancher/${flavour}`)) || programs.has(flavour);
    if (!present) continue;
    const install: RancherInstall = { flavour, config: {}, configFiles: [], dataDir: `/var/lib/rancher/${flavour}`, server: false, embeddedEtcd: false, problems: [] };
    const files = [`${etc}/config.yaml`];
    const dropIns = root.list(`${etc}/config.yaml.d`);
    if (!isError(dropIns)) files.push(...dropIns.names.filter((n) => /\.ya?ml$/.test(n)).map((n) => `${etc}/config.yaml.d/${n}`));
    for (const path of files) {
      const file = readConfigFile(root, path);
      if (file.missing) continue;
      if (file.error) {
        install.problems.push({ path, message: file.error });
        continue;
      }
      install.configFiles.push(path);
      for (const [rawKey, value] of Object.entries(file.content ?? {})) {
        const append = rawKey.endsWith('+');
        const key = append ? rawKey.slice(0, -1) : rawKey;
        const previous = install.config[key];
        install.config[key] = append && Array.isArray(previous) ? [...previous, ...(Array.isArray(value) ? value : [value])] : value;
      }
    }
    if (typeof install.config['data-dir'] === 'string') install.dataDir = install.config['data-dir'];
    const serverUnits = [`/etc/systemd/system/${flavour}-server.service`, `/usr/local/lib/systemd/system/${flavour}-server.service`, `/usr/lib/systemd/system/${flavour}-server.service`, `/etc/systemd/system/${flavour}.service`];
    install.server =
      !isError(root.stat(`${install.dataDir}/server`)) ||
      serverUnits.some((unit) => !isError(root.stat(unit))) ||
      programs.has(`${flavour}-server`);
    install.embeddedEtcd =
      install.server &&
      install.config['datastore-endpoint'] === undefined &&
      (flavour === 'rke2' || truthy(install.config['cluster-init']) || !isError(root.stat(`${install.dataDir}/server/db/etcd`)));
    return install;
  }
  return undefined;
}

/** The unit files of the service that runs the kubelet (CIS 4.1.1 "kubelet service file" on k3s/RKE2). */
export function rancherServiceUnit(install: RancherInstall): string {
  if (install.flavour === 'k3s') return install.server ? 'k3s.service' : 'k3s-agent.service';
  return install.server ? 'rke2-server.service' : 'rke2-agent.service';
}

function configList(install: RancherInstall, key: string): string[] {
  const value = install.config[key];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return [value];
  return [];
}

const truthy = (value: unknown) => value === true || value === 'true';

/**
 * Arguments k3s/RKE2 give the components it embeds (k3s pkg/daemons/control/server.go and
 * pkg/daemons/agent/agent_linux.go; RKE2 the same through its k3s core), the ones the benchmarks
 * ask about, followed
 * by the user's `<component>-arg` entries from config.yaml, which override them (pflag: the
 * last occurrence wins). On a live node k3s embeds these components in its own process, so
 * their command lines are not visible in /proc: these arguments are what k3s passes them.
 */
export function embeddedArgs(install: RancherInstall, kind: NodeComponentKind, hostname: string): string[] | undefined {
  const d = install.dataDir;
  const tls = `${d}/server/tls`;
  const cred = `${d}/server/cred`;
  const agent = `${d}/agent`;
  const withEtcd = install.embeddedEtcd;
  const extra = configList(install, `${kind}-arg`).map((arg) => (arg.startsWith('-') ? arg : `--${arg}`));
  let args: string[];
  switch (kind) {
    case 'kube-apiserver':
      if (!install.server) return undefined;
      args = [
        '--allow-privileged=true',
        '--anonymous-auth=false',
        '--authorization-mode=Node,RBAC',
        '--bind-address=127.0.0.1',
        `--client-ca-file=${tls}/client-ca.crt`,
        '--enable-admission-plugins=NodeRestriction',
        `--kubelet-certificate-authority=${tls}/server-ca.crt`,
        `--kubelet-client-certificate=${tls}/client-kube-apiserver.crt`,
        `--kubelet-client-key=${tls}/client-kube-apiserver.key`,
        '--profiling=false',
        '--secure-port=6444',
        `--service-account-key-file=${tls}/service.key`,
        `--service-account-signing-key-file=${tls}/service.current.key`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--storage-backend=etcd3',
        `--tls-cert-file=${tls}/serving-kube-apiserver.crt`,
        `--tls-private-key-file=${tls}/serving-kube-apiserver.key`,
        '--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
        ...(withEtcd
          ? ['--etcd-servers=https://127.0.0.1:2379', `--etcd-cafile=${tls}/etcd/server-ca.crt`, `--etcd-certfile=${tls}/etcd/client.crt`, `--etcd-keyfile=${tls}/etcd/client.key`]
          : ['--etcd-servers=unix://kine.sock']),
        ...(truthy(install.config['secrets-encryption']) ? [`--encryption-provider-config=${cred}/encryption-config.json`] : []),
      ];
      break;
    case 'kube-controller-manager':
      if (!install.server) return undefined;
      args = [
        `--authentication-kubeconfig=${cred}/controller.kubeconfig`,
        `--authorization-kubeconfig=${cred}/controller.kubeconfig`,
        '--bind-address=127.0.0.1',
        `--kubeconfig=${cred}/controller.kubeconfig`,
        '--profiling=false',
        `--root-ca-file=${tls}/server-ca.crt`,
        '--secure-port=10257',
        `--service-account-private-key-file=${tls}/service.current.key`,
        '--use-service-account-credentials=true',
      ];
      break;
    case 'kube-scheduler':
      if (!install.server) return undefined;
      args = [
        `--authentication-kubeconfig=${cred}/scheduler.kubeconfig`,
        `--authorization-kubeconfig=${cred}/scheduler.kubeconfig`,
        '--bind-address=127.0.0.1',
        `--kubeconfig=${cred}/scheduler.kubeconfig`,
        '--profiling=false',
        '--secure-port=10259',
      ];
      break;
    case 'etcd':
      if (!install.server || !withEtcd) return undefined;
      // k3s writes the embedded etcd's settings to <data-dir>/server/db/etcd/config (read as --config-file).
      args = [`--config-file=${d}/server/db/etcd/config`];
      break;
    case 'kubelet':
      args = [
        '--anonymous-auth=false',
        '--authentication-token-webhook=true',
        '--authorization-mode=Webhook',
        `--client-ca-file=${agent}/client-ca.crt`,
        `--hostname-override=${hostname}`,
        `--kubeconfig=${agent}/kubelet.kubeconfig`,
        `--pod-manifest-path=${agent}/pod-manifests`,
        '--read-only-port=0',
        `--tls-cert-file=${agent}/serving-kubelet.crt`,
        `--tls-private-key-file=${agent}/serving-kubelet.key`,
        ...(install.flavour === 'k3s' ? [`--cni-conf-dir=${agent}/etc/cni/net.d`] : []),
        ...(truthy(install.config['protect-kernel-defaults']) || install.config.profile !== undefined ? ['--protect-kernel-defaults=true'] : []),
      ];
      break;
    case 'kube-proxy':
      if (truthy(install.config['disable-kube-proxy'])) return undefined;
      args = ['--healthz-bind-address=127.0.0.1', `--hostname-override=${hostname}`, `--kubeconfig=${agent}/kubeproxy.kubeconfig`, '--proxy-mode=iptables'];
      break;
  }
  return [...args, ...extra];
}

