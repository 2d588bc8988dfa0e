/** The components whose configuration the benchmarks check. */
export type ComponentKind =
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'etcd'
  | 'kubelet'
  | 'kube-proxy';

export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'etcd',
  'kubelet',
  'kube-proxy',
];

/** A Kubernetes (or etcd) version, as far as defaults depend on it. */
export interface ComponentVersion {
  major: number;
  minor: number;
  patch?: number;
  /** As found, e.g. `v1.29.3+k3s1`. */
  raw: string;
}

/** Parses `v1.29.3`, `1.29`, `v1.32.11-rke2r1`, `v3.5.21-k3s1`, `v1.30.2+k3s1`; undefined otherwise. */
export function parseVersion(text: string): ComponentVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+.].*)?$/.exec(text.trim());
  if (!match) return undefined;
  const version: ComponentVersion = { major: Number(match[1]), minor: Number(match[2]), raw: text.trim() };
  if (match[3] !== undefined) version.patch = Number(match[3]);
  return version;
}

/** True when `version` is at least major.minor. */
export function versionAtLeast(version: ComponentVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

export function formatVersion(version: ComponentVersion): string {
  return `${version.major}.${version.minor}`;
}

/** Binary names as they appear in argv[0] (any directory) for each kind. */
const BINARY_NAMES: Readonly<Record<string, ComponentKind>> = {
  'kube-apiserver': 'kube-apiserver',
  apiserver: 'kube-apiserver',
  'kube-controller-manager': 'kube-controller-manager',
  'controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  scheduler: 'kube-scheduler',
  etcd: 'etcd',
  kubelet: 'kubelet',
  'kube-proxy': 'kube-proxy',
  proxy: 'kube-proxy',
};

/**
 * The component an argv runs: `kube-apiserver`, `/usr/local/bin/kube-apiserver`, and the old
 * all-in-one `hyperkube kube-apiserver` / `hyperkube apiserver`. Returns the kind and the index of
 * the first argument after the component name.
 */
export function componentOfArgv(argv: readonly string[]): { kind: ComponentKind; argsStart: number } | undefined {
  const first = argv[0];
  if (first === undefined) return undefined;
  const base = first.split('/').pop() ?? first;
  if (base === 'hyperkube') {
    const sub = argv[1];
    const kind = sub === undefined ? undefined : BINARY_NAMES[sub];
    return kind ? { kind, argsStart: 2 } : undefined;
  }
  // Short names (apiserver, scheduler, proxy) only count inside hyperkube: alone they are too vague.
  const kind = base.startsWith('kube-') || base === 'etcd' || base === 'kubelet' ? BINARY_NAMES[base] : undefined;
  return kind ? { kind, argsStart: 1 } : undefined;
}

/**
 * The component an image runs, from its repository name (`registry.k8s.io/kube-apiserver:v1.30.2`,
 * `.../kube-apiserver-amd64:v1.6.0`, `quay.io/coreos/etcd:v3.5.9`, `.../etcd:3.5.12-0`) — a fallback
 * for containers whose command is not given (the image's entrypoint is the component).
 */
export function componentOfImage(image: string): ComponentKind | undefined {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = (colon >= 0 ? withoutDigest.slice(lastSlash + 1, colon) : withoutDigest.slice(lastSlash + 1)).replace(/-(amd64|arm64|arm|ppc64le|s390x)$/, '');
  const kinds: ComponentKind[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kube-proxy'];
  return kinds.find((kind) => name === kind);
}

/** The version in an image tag (`registry.k8s.io/kube-apiserver:v1.30.2` → 1.30.2). */
export function versionOfImage(image: string): ComponentVersion | undefined {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon >= 0 ? parseVersion(withoutDigest.slice(colon + 1)) : undefined;
}
