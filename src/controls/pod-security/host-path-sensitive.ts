import { fail, pass, perPod } from '../control.js';
import { describeHostPath, hostPathVolumes } from '../../evidence/volumes.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

/** Container runtime API sockets: whoever can reach one can start a privileged container on the node. */
const RUNTIME_SOCKETS = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock', '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock', '/run/podman/podman.sock', '/var/run/podman/podman.sock', '/run/k3s/containerd/containerd.sock',
];
/** Directories that hold node or cloud credentials, or whose contents the node executes. */
const SENSITIVE_DIRECTORIES = [
  '/etc/kubernetes', '/var/lib/kubelet', '/var/lib/etcd', '/etc/cni', '/etc/containerd', '/etc/crio', '/var/lib/docker',
  '/var/lib/containerd', '/root', '/home', '/etc/ssh', '/boot', '/proc', '/sys', '/dev', '/etc/sudoers.d', '/etc/cron.d',
  '/var/run/secrets', '/run/secrets', '/var/lib/rancher', '/etc/rancher',
];
/** Directory names that hold user or cloud credentials wherever they are (~/.aws, /root/.kube …). */
const CREDENTIAL_DIRECTORY_NAMES = ['.aws', '.azure', '.kube', '.docker', '.ssh', '.gnupg', 'gcloud'];
/** Single files that are credentials or control authentication. */
const SENSITIVE_FILES = ['/etc/shadow', '/etc/passwd', '/etc/gshadow', '/etc/sudoers', '/etc/group'];

function normalize(path: string): string {
  const trimmed = path.replace(/\/+/g, '/').replace(/\/$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Why mounting this host path is dangerous, or undefined when it is none of the known sensitive places. */
export function sensitiveHostPath(rawPath: string): string | undefined {
  const path = normalize(rawPath);
  if (path === '/') return 'the whole node filesystem';
  if (path === '/etc' || path === '/var' || path === '/run' || path === '/var/run' || path === '/usr' || path === '/lib' || path === '/bin' || path === '/sbin') {
    return 'a top-level system directory of the node';
  }
  if (RUNTIME_SOCKETS.includes(path) || /\/(docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$/.test(path)) {
    return 'the container runtime socket: it lets the container start privileged containers on the node';
  }
  if (RUNTIME_SOCKETS.some((socket) => socket.startsWith(`${path}/`))) return 'a directory holding the container runtime socket';
  if (SENSITIVE_FILES.includes(path)) return 'a node authentication file';
  const credentials = path.split('/').find((s) => CREDENTIAL_DIRECTORY_NAMES.includes(s));
  if (credentials) return `a ${credentials} credentials directory`;
  const dir = SENSITIVE_DIRECTORIES.find((d) => path === d || path.startsWith(`${d}/`));
  if (dir) return `${dir}, which holds node credentials or configuration`;
  return undefined;
}

export const hostPathSensitive = perPod(
  {
    id: 'host-path-sensitive',
    title: 'Pods must not mount the container runtime socket or node credential paths',
    severity: 'critical',
    family: 'pod-security',
    rationale:
      'Some host paths hand over the node outright: the container runtime socket (docker.sock, containerd.sock, crio.sock) ' +
      'lets the container start a privileged container; /etc/kubernetes, /var/lib/kubelet and /var/lib/etcd hold cluster ' +
      'credentials; ~/.aws, ~/.kube, ~/.ssh and the like hold user and cloud credentials; /, /proc, /sys and /dev expose ' +
      'the whole node.',
    remediation: 'Remove the hostPath volume. Talk to the Kubernetes API instead of the runtime socket, and give cloud access through workload identity (IRSA, Workload Identity) rather than node credential files.',
    refs: [...cis({ '1.7': '5.2.12', '1.12': '5.2.11' }), ...nsaCisa('pod-security/host-path')],
  },
  (workload) => {
    const flagged = hostPathVolumes(workload)
      .map((volume) => ({ volume, why: sensitiveHostPath(volume.hostPath) }))
      .filter((v): v is { volume: (typeof v)['volume']; why: string } => v.why !== undefined);
    if (flagged.length === 0) return pass('the pod mounts no sensitive host path', workload.podField('volumes')?.path ?? workload.podSpecPath);
    return fail(
      `the pod mounts ${flagged.map((f) => `${describeHostPath(f.volume)}: ${f.why}`).join('; ')}`,
      [...flagged[0]!.volume.path, 'hostPath', 'path'],
    );
  },
);
