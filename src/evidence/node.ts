import type { ComponentConfig } from './component-config/config.js';

/** The Kubernetes components kubeharden looks for on a node. */
export const NODE_COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet', 'kube-proxy'] as const;
export type NodeComponentKind = (typeof NODE_COMPONENTS)[number];
export const CONTROL_PLANE_COMPONENTS: readonly NodeComponentKind[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

export type Distribution = 'kubeadm' | 'k3s' | 'rke2' | 'eks' | 'unknown';

/** Facts about one file or directory on the node, owner and group named by the node's own passwd/group. */
export interface FileFacts {
  /** Node path, e.g. /etc/kubernetes/admin.conf. */
  path: string;
  type: 'file' | 'directory' | 'other';
  /** Permission bits (mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  /** Name from <root>/etc/passwd; undefined when the uid has no entry. */
  owner?: string;
  /** Name from <root>/etc/group; undefined when the gid has no entry. */
  group?: string;
}

/**
 * What the node has for one benchmark file role (e.g. "the kubelet's kubeconfig"):
 * - `found`: the files, each with its facts;
 * - `absent`: the role does not apply or the file does not exist where it is optional (with why);
 * - `error`: the file should exist (a flag names it, a component needs it) but could not be read.
 */
export type FileRoleFacts =
  | { state: 'found'; files: FileFacts[]; errors: { path: string; message: string }[] }
  | { state: 'absent'; reason: string }
  | { state: 'error'; path: string; message: string };

/** Every file role the benchmarks name. */
export const FILE_ROLES = [
  'pod-spec:kube-apiserver',
  'pod-spec:kube-controller-manager',
  'pod-spec:kube-scheduler',
  'pod-spec:etcd',
  /** Every file in the static pod directory (STIG checks them all). */
  'static-pod-manifests',
  'cni-config',
  'etcd-data-dir',
  /** The entries directly inside the etcd data dir (STIG `stat /var/lib/etcd/*`). */
  'etcd-data-entries',
  'admin-kubeconfig',
  'scheduler-kubeconfig',
  'controller-manager-kubeconfig',
  'kubelet-kubeconfig',
  'kubelet-service',
  'proxy-kubeconfig',
  'kubelet-client-ca',
  'kubelet-config',
  /** The PKI directory and everything under it. */
  'pki-tree',
  'pki-certs',
  'pki-keys',
] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export interface ServiceFacts {
  /** undefined when the process table could not be seen (an image, no /proc). */
  running?: boolean;
  runningEvidence?: string;
  /** undefined when systemd's enablement links could not be read. */
  enabled?: boolean;
  enabledEvidence?: string;
}

export interface NodeProblem {
  path: string;
  message: string;
}

/** Everything the node source learnt about one host. */
export interface NodeEvidence {
  hostname: string;
  distribution: Distribution;
  /** e.g. "Amazon Linux 2023", "Bottlerocket". */
  distributionDetail?: string;
  /** Kubernetes version (x.y.z) where detectable. */
  version?: string;
  /** Whether a process table was visible (a live host rather than an image). */
  processTable: boolean;
  /** Effective configuration of each component found on the node. */
  components: Partial<Record<NodeComponentKind, ComponentConfig>>;
  /** How the distribution runs each component, for messages: `static pod /etc/kubernetes/manifests/kube-apiserver.yaml`. */
  componentOrigins: Partial<Record<NodeComponentKind, string>>;
  files: Record<FileRole, FileRoleFacts>;
  services: { sshd: ServiceFacts };
  /** Unreadable evidence and symlinks that pointed out of the root. */
  problems: NodeProblem[];
}

export function isControlPlane(node: NodeEvidence): boolean {
  return CONTROL_PLANE_COMPONENTS.some((kind) => node.components[kind] !== undefined);
}

/** `rw-r--r--`-style rendering as an octal string, e.g. "644". */
export function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, '0');
}
