/**
 * Realistic objects as a live API server returns them (uids, owner references, status), for the
 * fake API server. Each builder returns a fresh object; pass `patch` for the interesting part.
 */
import { createHash } from 'node:crypto';
import type { FakeObject } from './fake-apiserver.js';

type Meta = { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: unknown[] };

export function uidOf(kind: string, namespace: string | undefined, name: string): string {
  const hex = createHash('sha256').update(`${kind}/${namespace ?? ''}/${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function meta(kind: string, m: Meta): Record<string, unknown> {
  return {
    ...m,
    uid: uidOf(kind, m.namespace, m.name),
    resourceVersion: '4242',
    creationTimestamp: '2026-11-01T10:00:00Z',
    managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} }],
  };
}

export function ownerRef(owner: FakeObject): Record<string, unknown> {
  const name = owner.metadata!.name!;
  return { apiVersion: owner.apiVersion, kind: owner.kind, name, uid: uidOf(owner.kind, owner.metadata?.namespace, name), controller: true, blockOwnerDeletion: true };
}

/** A hardened container: non-root, read-only root filesystem, no privilege escalation, capabilities dropped. */
export function container(name: string, securityContext: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    image: `registry.example.com/${name}@sha256:${'a'.repeat(64)}`,
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      ...securityContext,
    },
  };
}

export function podSpec(containers: Record<string, unknown>[] = [container('app')], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceAccountName: 'app',
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers,
    ...extra,
  };
}

export function namespace(name: string, labels: Record<string, string> = { 'pod-security.kubernetes.io/enforce': 'restricted' }): FakeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta('Namespace', { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function node(name: string): FakeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('Node', { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } }),
    spec: { podCIDR: '10.244.0.0/24' },
    status: { nodeInfo: { kubeletVersion: 'v1.30.4', containerRuntimeVersion: 'containerd://1.7.20', osImage: 'Ubuntu 24.04 LTS' } },
  };
}

export function deployment(ns: string, name: string, spec = podSpec()): FakeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('Deployment', { namespace: ns, name, labels: { app: name } }),
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
    status: { replicas: 2, readyReplicas: 2 },
  };
}

export function replicaSet(owner: FakeObject, hash = '7d9c8b6f5'): FakeObject {
  const ns = owner.metadata!.namespace!;
  const name = `${owner.metadata!.name}-${hash}`;
  const template = (owner.spec as { template: Record<string, unknown> }).template;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('ReplicaSet', { namespace: ns, name, ownerReferences: [ownerRef(owner)], labels: { 'pod-template-hash': hash } }),
    spec: { replicas: 2, selector: (owner.spec as { selector: unknown }).selector, template },
  };
}

/** A pod as its controller creates it: the template's spec, plus what the API server adds. */
export function podOf(owner: FakeObject, suffix: string, spec?: Record<string, unknown>): FakeObject {
  const ns = owner.metadata!.namespace!;
  const template = (owner.kind === 'CronJob'
    ? (owner.spec as { jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } }).jobTemplate.spec.template
    : (owner.spec as { template: { spec: Record<string, unknown> } }).template);
  return pod(ns, `${owner.metadata!.name}-${suffix}`, spec ?? template.spec, [ownerRef(owner)]);
}

export function pod(ns: string, name: string, spec: Record<string, unknown> = podSpec(), ownerReferences?: unknown[]): FakeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('Pod', ownerReferences ? { namespace: ns, name, ownerReferences } : { namespace: ns, name }),
    // The API server defaults serviceAccountName to "default".
    spec: { serviceAccountName: 'default', ...spec, nodeName: 'node-1' },
    status: { phase: 'Running', podIP: '10.244.0.12' },
  };
}

export function cronJob(ns: string, name: string, spec = podSpec()): FakeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('CronJob', { namespace: ns, name }),
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { ...spec, restartPolicy: 'OnFailure' } } } } },
  };
}

export function jobOf(cron: FakeObject, suffix: string): FakeObject {
  const ns = cron.metadata!.namespace!;
  const template = (cron.spec as { jobTemplate: { spec: { template: Record<string, unknown> } } }).jobTemplate.spec.template;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('Job', { namespace: ns, name: `${cron.metadata!.name}-${suffix}`, ownerReferences: [ownerRef(cron)] }),
    spec: { template },
  };
}

export function statefulSet(ns: string, name: string, spec = podSpec()): FakeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('StatefulSet', { namespace: ns, name }),
    spec: { serviceName: name, replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
  };
}

export function daemonSet(ns: string, name: string, spec = podSpec()): FakeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta('DaemonSet', { namespace: ns, name }),
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
  };
}

/** A static pod's mirror, as the kubelet registers it: owned by its Node. */
export function staticPod(nodeName: string, component: string, command: string[]): FakeObject {
  const owner = node(nodeName);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta('Pod', { namespace: 'kube-system', name: `${component}-${nodeName}`, labels: { component, tier: 'control-plane' } }),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: uidOf('Node', undefined, nodeName), controller: true }],
    },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      containers: [{ name: component, image: `registry.k8s.io/${component}:v1.30.4`, command }],
      nodeName: owner.metadata!.name,
    },
  };
}

export function serviceAccount(ns: string, name: string, automount?: boolean): FakeObject {
  const object: FakeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ServiceAccount', { namespace: ns, name }) };
  if (automount !== undefined) object.automountServiceAccountToken = automount;
  return object;
}

/** A Secret with data, as it is stored: the scanner must never receive the data. */
export function secret(ns: string, name: string, data: Record<string, string>, lastApplied = false): FakeObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  const annotations = lastApplied
    ? { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, stringData: data }) }
    : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('Secret', annotations ? { namespace: ns, name, annotations } : { namespace: ns, name }),
    type: 'Opaque',
    data: encoded,
  };
}

export function networkPolicy(ns: string, name = 'default-deny'): FakeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('NetworkPolicy', { namespace: ns, name }),
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

export function clusterRole(name: string, rules: unknown[]): FakeObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('ClusterRole', { name }), rules };
}

export function clusterRoleBinding(name: string, role: string, subjects: unknown[]): FakeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta('ClusterRoleBinding', { name }),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects,
  };
}

export function role(ns: string, name: string, rules: unknown[]): FakeObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('Role', { namespace: ns, name }), rules };
}

export function roleBinding(ns: string, name: string, roleRef: { kind: string; name: string }, subjects: unknown[]): FakeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta('RoleBinding', { namespace: ns, name }),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

export function validatingWebhook(name: string): FakeObject {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: meta('ValidatingWebhookConfiguration', { name }),
    webhooks: [{
      name: `${name}.example.com`,
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      failurePolicy: 'Fail',
      clientConfig: { service: { namespace: 'gatekeeper-system', name: 'gatekeeper-webhook-service', path: '/v1/admit' } },
      rules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['*'] }],
    }],
  };
}

/**
 * A small, hardened production-like cluster: two app namespaces with default-deny policies, a
 * Deployment (with its ReplicaSet and pods), a CronJob (with a Job and its pod), a StatefulSet,
 * RBAC, secrets and an admission webhook. Nothing in it should fail any control.
 */
export function hardenedCluster(): FakeObject[] {
  const web = deployment('shop', 'web');
  const rs = replicaSet(web);
  const report = cronJob('shop', 'nightly-report');
  const job = jobOf(report, '29012345');
  const db = statefulSet('payments', 'ledger');
  return [
    namespace('kube-system', {}),
    namespace('shop'),
    namespace('payments'),
    node('cp-1'),
    node('node-1'),
    serviceAccount('shop', 'default', false),
    serviceAccount('shop', 'app'),
    serviceAccount('payments', 'default', false),
    serviceAccount('payments', 'app'),
    secret('shop', 'db-credentials', { password: 'hunter2-do-not-print' }, true),
    secret('payments', 'tls', { 'tls.key': '-----BEGIN PRIVATE KEY-----secret-key-material' }),
    clusterRole('view', [{ apiGroups: ['', 'apps', 'batch'], resources: ['pods', 'deployments', 'jobs'], verbs: ['get', 'list', 'watch'] }]),
    role('shop', 'web-config-reader', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]),
    roleBinding('shop', 'web-config-reader', { kind: 'Role', name: 'web-config-reader' }, [{ kind: 'ServiceAccount', name: 'app', namespace: 'shop' }]),
    networkPolicy('shop'),
    networkPolicy('payments'),
    validatingWebhook('gatekeeper-validating-webhook-configuration'),
    web,
    rs,
    podOf(rs, 'x2k9p'),
    podOf(rs, 'q8w7e'),
    report,
    job,
    podOf(job, 'abcde'),
    db,
    podOf(db, '0'),
  ];
}

export const KUBELET_CONFIG = {
  enableServer: true,
  authentication: { anonymous: { enabled: false }, webhook: { enabled: true, cacheTTL: '2m0s' }, x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } },
  authorization: { mode: 'Webhook' },
  readOnlyPort: 0,
  protectKernelDefaults: true,
  rotateCertificates: true,
};
