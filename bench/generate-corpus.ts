import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32) so every run generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const IMAGES = ['nginx:1.27.2', 'nginx:latest', 'redis', 'registry.example.com/team/api@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/worker:v2.3.1', 'busybox:1.36'];

function securityContext(random: Random, indent: string): string {
  switch (Math.floor(random() * 4)) {
    case 0:
      return '';
    case 1:
      return `${indent}securityContext:\n${indent}  privileged: true\n`;
    case 2:
      return `${indent}securityContext:\n${indent}  allowPrivilegeEscalation: false\n${indent}  readOnlyRootFilesystem: true\n${indent}  runAsNonRoot: true\n${indent}  capabilities:\n${indent}    drop: ["ALL"]\n`;
    default:
      return `${indent}securityContext:\n${indent}  runAsUser: 0\n${indent}  capabilities:\n${indent}    add: ["NET_ADMIN"]\n`;
  }
}

function container(random: Random, name: string, indent: string): string {
  const withEnvSecret = random() < 0.2;
  const withLimits = random() < 0.6;
  return (
    `${indent}- name: ${name}\n` +
    `${indent}  image: ${pick(random, IMAGES)}\n` +
    `${indent}  ports:\n${indent}  - containerPort: ${8000 + Math.floor(random() * 100)}\n` +
    (random() < 0.1 ? `${indent}    hostPort: 80\n` : '') +
    (withLimits
      ? `${indent}  resources:\n${indent}    requests: {cpu: 100m, memory: 128Mi}\n${indent}    limits: {cpu: 500m, memory: 256Mi}\n`
      : '') +
    (withEnvSecret
      ? `${indent}  env:\n${indent}  - name: DB_PASSWORD\n${indent}    valueFrom:\n${indent}      secretKeyRef: {name: db, key: password}\n`
      : `${indent}  env:\n${indent}  - name: LOG_LEVEL\n${indent}    value: info\n`) +
    securityContext(random, indent + '  ')
  );
}

function podSpec(random: Random, indent: string): string {
  const containers = 1 + Math.floor(random() * 3);
  let spec = '';
  if (random() < 0.1) spec += `${indent}hostNetwork: true\n`;
  if (random() < 0.5) spec += `${indent}securityContext:\n${indent}  runAsNonRoot: true\n${indent}  seccompProfile: {type: RuntimeDefault}\n`;
  if (random() < 0.5) spec += `${indent}serviceAccountName: app\n${indent}automountServiceAccountToken: false\n`;
  spec += `${indent}containers:\n`;
  for (let i = 0; i < containers; i++) spec += container(random, i === 0 ? 'app' : `sidecar-${i}`, indent);
  if (random() < 0.1) spec += `${indent}volumes:\n${indent}- name: host\n${indent}  hostPath: {path: /var/run/docker.sock}\n`;
  return spec;
}

function workload(random: Random, kind: string, name: string, namespace: string): string {
  const meta = `metadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {app: ${name}, team: t${Math.floor(random() * 20)}}\n`;
  switch (kind) {
    case 'Pod':
      return `apiVersion: v1\nkind: Pod\n${meta}spec:\n${podSpec(random, '  ')}`;
    case 'CronJob':
      return `apiVersion: batch/v1\nkind: CronJob\n${meta}spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n${podSpec(random, '          ')}`;
    default:
      return `apiVersion: apps/v1\nkind: ${kind}\n${meta}spec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${podSpec(random, '      ')}`;
  }
}

function supporting(random: Random, kind: string, name: string, namespace: string): string {
  switch (kind) {
    case 'Service':
      return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {app: ${name}}\n  ports:\n  - port: 80\n    targetPort: 8080\n`;
    case 'Role':
      return `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}, namespace: ${namespace}}\nrules:\n- apiGroups: [""]\n  resources: [${random() < 0.2 ? '"secrets"' : '"configmaps"'}]\n  verbs: ["get", "list"]\n`;
    case 'RoleBinding':
      return `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: ${namespace}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${name}}\nsubjects:\n- kind: ServiceAccount\n  name: app\n  namespace: ${namespace}\n`;
    case 'NetworkPolicy':
      return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: ${namespace}}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
    default:
      return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n  labels: {pod-security.kubernetes.io/enforce: ${random() < 0.5 ? 'restricted' : 'baseline'}}\n`;
  }
}

const WORKLOAD_KINDS = ['Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod'] as const;
const SUPPORTING_KINDS = ['Service', 'Service', 'Role', 'RoleBinding', 'NetworkPolicy', 'Namespace'] as const;

/**
 * Writes `resources` Kubernetes objects into multi-document files of 5–60 documents (the size of
 * rendered Helm charts), two thirds workloads, one third Services, RBAC, NetworkPolicies and Namespaces.
 * Returns the number of files.
 */
export function generateCorpus(dir: string, resources: number, seed = 42): number {
  const random = seededRandom(seed);
  mkdirSync(dir, { recursive: true });
  let written = 0;
  let file = 0;
  while (written < resources) {
    const documents: string[] = [];
    const count = Math.min(resources - written, 5 + Math.floor(random() * 56));
    const namespace = `team-${file % 200}`;
    for (let i = 0; i < count; i++) {
      const name = `app-${file}-${i}`;
      documents.push(random() < 2 / 3 ? workload(random, pick(random, WORKLOAD_KINDS), name, namespace) : supporting(random, pick(random, SUPPORTING_KINDS), name, namespace));
    }
    const sub = join(dir, `group-${Math.floor(file / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `chart-${file}.yaml`), documents.join('---\n'));
    written += count;
    file += 1;
  }
  return file;
}
