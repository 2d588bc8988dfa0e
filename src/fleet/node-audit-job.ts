import type { KubeObject } from '../evidence/kube-object.js';

/**
 * Host directories mounted read-only under /host for the node audit: the smallest set of
 * directories present on every Linux node that together hold every path the audit reads (component
 * manifests and configs under /etc, kubelet/etcd/k3s/RKE2 state under /var/lib, the process table,
 * and systemd units). Mounting the individual paths instead would make the container runtime
 * create the ones a distribution lacks (e.g. /etc/rancher on kubeadm) — a write to the host — or,
 * with a type check, keep the pod from starting there.
 */
export const NODE_AUDIT_HOST_PATHS: readonly { name: string; path: string }[] = [
  { name: 'host-proc', path: '/proc' },
  { name: 'host-etc', path: '/etc' },
  { name: 'host-var-lib', path: '/var/lib' },
  { name: 'host-systemd-units', path: '/usr/lib/systemd' },
];

export const FLEET_NAMESPACE = 'kubeharden';
export const FLEET_SERVICE_ACCOUNT = 'kubeharden-node-audit';
export const FLEET_LABEL = 'app.kubernetes.io/name';
export const FLEET_COMPONENT_LABEL = 'app.kubernetes.io/component';
/** Labels the Jobs (and their pods) of one `fleet run`, so concurrent runs never touch each other's. */
export const FLEET_RUN_LABEL = 'kubeharden.io/run';
/** Annotates Jobs and pods with the node they audit. */
export const FLEET_NODE_ANNOTATION = 'kubeharden.io/node';

export interface NodeAuditJobOptions {
  node: string;
  image: string;
  namespace?: string;
  benchmarks?: string[];
  /** Tolerate every taint, so tainted control-plane nodes are audited too. */
  tolerateAll?: boolean;
  tolerations?: Record<string, unknown>[];
  /** Seconds after which the Job is failed by Kubernetes itself. */
  activeDeadlineSeconds?: number;
  imagePullSecrets?: string[];
  /** The `fleet run` this Job belongs to: in its name and the FLEET_RUN_LABEL of it and its pod. */
  runId?: string;
}

/**
 * A Job name valid as a DNS label for any node name (node names may be 253 characters), at most
 * 63 characters with a run id (the Job controller copies the name into a label of the pod).
 */
export function nodeAuditJobName(node: string, runId?: string): string {
  const slug = node.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
  let hash = 0;
  for (const ch of node) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  const run = runId === undefined ? '' : `-${runId.slice(0, 8)}`;
  return `kubeharden-node-${slug.slice(0, 36 - run.length)}-${hash.toString(36)}${run}`.replace(/-+/g, '-');
}

/**
 * The Job that audits one node: pinned to it by hostname, hostPID for its process table,
 * read-only host mounts of exactly what the audit reads, uid 0 (root-owned 0600 files must be
 * readable) but no capability, no privilege escalation, a read-only root filesystem and limits.
 */
export function nodeAuditJob(options: NodeAuditJobOptions): KubeObject {
  const namespace = options.namespace ?? FLEET_NAMESPACE;
  const args = ['node', '--root', '/host', '--format', 'json', '--fail-on', 'none'];
  for (const benchmark of options.benchmarks ?? []) args.push('--benchmark', benchmark);
  const tolerations = options.tolerateAll ? [{ operator: 'Exists' }] : (options.tolerations ?? []);
  const labels: Record<string, string> = { [FLEET_LABEL]: 'kubeharden', [FLEET_COMPONENT_LABEL]: 'node-audit' };
  if (options.runId !== undefined) labels[FLEET_RUN_LABEL] = options.runId;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: nodeAuditJobName(options.node, options.runId),
      namespace,
      labels,
      annotations: { [FLEET_NODE_ANNOTATION]: options.node },
    },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: options.activeDeadlineSeconds ?? 300,
      ttlSecondsAfterFinished: 600,
      template: {
        metadata: {
          labels,
          annotations: {
            [FLEET_NODE_ANNOTATION]: options.node,
            'kubeharden.io/exempt-host-pid': 'the node audit reads the host process table (kubelet and control-plane flags)',
            'kubeharden.io/exempt-host-path-volume': 'the node audit reads host configuration, read-only',
          },
        },
        spec: {
          serviceAccountName: FLEET_SERVICE_ACCOUNT,
          automountServiceAccountToken: false,
          restartPolicy: 'Never',
          hostPID: true,
          // By the node's name, as the DaemonSet controller pins its pods: the hostname label may differ.
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [options.node] }] }],
              },
            },
          },
          ...(tolerations.length ? { tolerations } : {}),
          ...(options.imagePullSecrets?.length ? { imagePullSecrets: options.imagePullSecrets.map((name) => ({ name })) } : {}),
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'node-audit',
              image: options.image,
              imagePullPolicy: 'IfNotPresent',
              args,
              securityContext: {
                runAsUser: 0,
                runAsGroup: 0,
                runAsNonRoot: false,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                privileged: false,
                capabilities: { drop: ['ALL'] },
              },
              resources: {
                requests: { cpu: '50m', memory: '64Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              volumeMounts: NODE_AUDIT_HOST_PATHS.map(({ name, path }) => ({ name, mountPath: `/host${path}`, readOnly: true })),
            },
          ],
          volumes: NODE_AUDIT_HOST_PATHS.map(({ name, path }) => ({ name, hostPath: { path, type: 'Directory' } })),
        },
      },
    },
  };
}
