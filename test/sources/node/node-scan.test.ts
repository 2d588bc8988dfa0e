import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CATALOG } from '../../../src/controls/catalog.js';
import type { Status } from '../../../src/controls/control.js';
import type { Result } from '../../../src/engine/result.js';
import { filesNeeded, nodeTarget, scanNode } from '../../../src/engine/scan-node.js';
import type { NodeEvidence } from '../../../src/evidence/node.js';
import { readNode, type ReadNodeOptions } from '../../../src/sources/node/index.js';
import { bottlerocketWorker, eksAl2023Worker, k3sServer, kubeadmControlPlane, kubeadmWorker, rke2Server } from './fixtures.js';
import type { NodeRootBuilder } from './node-root-builder.js';

const P: Status = 'pass';
const F: Status = 'fail';
const M: Status = 'manual';
const NA: Status = 'not-applicable';

/** The families a node scan answers for itself; control-plane flag controls are spot-checked below. */
const NODE_FAMILIES = new Set(['kubelet', 'kube-proxy', 'node-files', 'node-services']);
const SCENARIOS = ['kubeadm control plane', 'kubeadm control plane, hardened', 'kubeadm worker', 'k3s server', 'RKE2 server', 'EKS AL2023 worker', 'EKS Bottlerocket worker'] as const;

/**
 * The status of every node control on every layout, the worst of its results (error > fail >
 * manual > pass > not-applicable). Why each is what it is, from the CIS/STIG texts:
 * - kubeadm writes the kubelet config 0644, its unit and drop-in 0644, the CNI conflist 0644 and the
 *   etcd data dir root:root: CIS 4.1.9, 4.1.1, 1.1.9 and 1.1.12 fail, the STIG's 644 rules pass.
 * - *.crt 644 passes CIS 1.11+ 1.1.20 and STIG V-242466 but fails CIS 1.7–1.10 1.1.20 (600).
 * - kubeadm sets staticPodPath (STIG V-242397 fails) and leaves readOnlyPort and
 *   streamingConnectionIdleTimeout to defaults (0s): CIS 4.2.4/4.2.5 pass on the defaults, the STIG's
 *   explicit-setting rules V-242387/V-245541 fail.
 * - The hardened control plane drops staticPodPath to meet V-242397, which stops the kubelet from
 *   running the static pods: the STIG and a kubeadm control plane cannot both be satisfied.
 * - k3s sets --hostname-override (CIS 4.2.7 fails) and runs etcd inside its own root process
 *   (1.1.12 etcd:etcd fails); write-kubeconfig-mode 0644 fails 1.1.13.
 * - EKS AL2023 offers two static-RSA suites (fine for CIS 1.7–1.11, not 1.12) and writes the
 *   kubelet kubeconfig 0644 (CIS 4.1.5 fails, STIG V-242452 passes); sshd is enabled (V-242394
 *   fails) and, on an image with no process table, whether it runs is manual (V-242393).
 * - The EKS AL2023 image does not say its Kubernetes version, so the feature-gate defaults of the
 *   oldest versions are assumed (V-242399, V-254801 fail) until --kubernetes-version says otherwise.
 * - Bottlerocket renders a strict kubelet config (seccompDefault false, staticPodPath set) 0644 and has no sshd.
 * - CIS 4.2.8 (eventRecordQPS "appropriate") is a judgement: manual, with the value.
 */
//                                                  cp  hard worker k3s rke2 eks bottlerocket
const EXPECTED: Record<string, readonly Status[]> = {
  'kubelet-anonymous-auth':                         [P, P, P, P, P, P, P],
  'kubelet-authorization-mode':                     [P, P, P, P, P, P, P],
  'kubelet-client-ca-file':                         [P, P, P, P, P, P, P],
  'kubelet-read-only-port':                         [P, P, P, P, P, P, P],
  'kubelet-read-only-port-explicit':                [F, P, F, P, P, P, P],
  'kubelet-streaming-connection-idle-timeout':      [P, P, P, P, P, P, P],
  'kubelet-streaming-connection-idle-timeout-stig': [F, P, F, P, F, F, F],
  'kubelet-make-iptables-util-chains':              [P, P, P, P, P, P, P],
  'kubelet-hostname-override':                      [P, P, P, F, F, F, P],
  'kubelet-event-qps':                              [M, M, M, M, M, M, M],
  'kubelet-tls-cert-key':                           [F, P, F, P, P, F, F],
  'kubelet-rotate-certificates':                    [P, P, P, P, P, P, P],
  'kubelet-rotate-server-certificates':             [P, P, P, P, P, P, P],
  'kubelet-tls-cipher-suites':                      [F, P, F, F, F, F, P],
  'kubelet-tls-cipher-suites-cis-1-7':              [F, P, F, F, F, P, P],
  'kubelet-pod-pids-limit':                         [F, P, F, F, F, F, P],
  'kubelet-seccomp-default':                        [F, P, F, F, F, F, F],
  'kubelet-protect-kernel-defaults':                [F, P, F, P, P, P, P],
  'kubelet-static-pod-path':                        [F, P, F, F, F, P, F],
  'kubelet-feature-gate-dynamic-auditing':          [P, P, P, P, P, P, P],
  'kubelet-feature-gate-dynamic-kubelet-config':    [P, P, P, P, P, F, P],
  'kubelet-feature-gate-pod-security':              [P, P, P, P, P, F, P],
  'kube-proxy-metrics-bind-address':                [NA, NA, P, P, P, NA, NA],
  'apiserver-pod-spec-permissions':                 [P, P, NA, NA, P, NA, NA],
  'apiserver-pod-spec-ownership':                   [P, P, NA, NA, P, NA, NA],
  'controller-manager-pod-spec-permissions':        [P, P, NA, NA, P, NA, NA],
  'controller-manager-pod-spec-ownership':          [P, P, NA, NA, P, NA, NA],
  'scheduler-pod-spec-permissions':                 [P, P, NA, NA, P, NA, NA],
  'scheduler-pod-spec-ownership':                   [P, P, NA, NA, P, NA, NA],
  'etcd-pod-spec-permissions':                      [P, P, NA, NA, P, NA, NA],
  'etcd-pod-spec-ownership':                        [P, P, NA, NA, P, NA, NA],
  'static-pod-manifests-permissions':               [P, P, NA, NA, P, NA, NA],
  'static-pod-manifests-ownership':                 [P, P, NA, NA, P, NA, NA],
  'cni-config-permissions':                         [F, P, F, P, P, F, F],
  'cni-config-ownership':                           [P, P, P, P, P, P, P],
  'etcd-data-dir-permissions':                      [P, P, NA, P, P, NA, NA],
  'etcd-data-dir-ownership':                        [F, P, NA, F, P, NA, NA],
  'etcd-data-files-permissions':                    [P, P, NA, P, P, NA, NA],
  'etcd-data-files-ownership':                      [F, P, NA, F, P, NA, NA],
  'admin-kubeconfig-permissions':                   [P, P, NA, F, P, NA, NA],
  'admin-kubeconfig-ownership':                     [P, P, NA, P, P, NA, NA],
  'scheduler-kubeconfig-permissions':               [P, P, NA, P, P, NA, NA],
  'scheduler-kubeconfig-ownership':                 [P, P, NA, P, P, NA, NA],
  'controller-manager-kubeconfig-permissions':      [P, P, NA, P, P, NA, NA],
  'controller-manager-kubeconfig-ownership':        [P, P, NA, P, P, NA, NA],
  'control-plane-kubeconfigs-permissions':          [P, P, NA, P, P, NA, NA],
  'pki-ownership':                                  [P, P, NA, P, P, NA, NA],
  'pki-cert-permissions':                           [P, P, NA, P, P, NA, NA],
  'pki-cert-permissions-600':                       [F, P, NA, F, P, NA, NA],
  'pki-key-permissions':                            [P, P, NA, P, P, NA, NA],
  'kubelet-service-file-permissions':               [F, P, F, F, F, F, F],
  'kubelet-service-file-permissions-644':           [P, P, P, P, P, P, P],
  'kubelet-service-file-ownership':                 [P, P, P, P, P, P, P],
  'proxy-kubeconfig-permissions':                   [NA, NA, NA, P, P, NA, NA],
  'proxy-kubeconfig-permissions-644':               [NA, NA, NA, P, P, NA, NA],
  'proxy-kubeconfig-ownership':                     [NA, NA, NA, P, P, NA, NA],
  'kubelet-kubeconfig-permissions':                 [P, P, P, P, P, F, F],
  'kubelet-kubeconfig-permissions-644':             [P, P, P, P, P, P, P],
  'kubelet-kubeconfig-ownership':                   [P, P, P, P, P, P, P],
  'kubelet-client-ca-permissions':                  [P, P, P, P, P, P, P],
  'kubelet-client-ca-permissions-600':              [F, P, F, F, P, F, F],
  'kubelet-client-ca-ownership':                    [P, P, P, P, P, P, P],
  'kubelet-config-file-permissions':                [F, P, F, NA, NA, F, F],
  'kubelet-config-file-permissions-644':            [P, P, P, NA, NA, P, P],
  'kubelet-config-file-ownership':                  [P, P, P, NA, NA, P, P],
  'worker-sshd-not-running':                        [NA, NA, F, NA, NA, M, M],
  'worker-sshd-not-enabled':                        [NA, NA, F, NA, NA, F, P],
};

const ORDER: Status[] = ['error', 'fail', 'manual', 'pass', 'not-applicable'];

function worst(results: Result[], control: string): Status | undefined {
  const statuses = results.filter((r) => r.control === control).map((r) => r.status);
  return ORDER.find((s) => statuses.includes(s));
}

interface Scanned {
  node: NodeEvidence;
  results: Result[];
}

function scan(build: () => NodeRootBuilder, options: ReadNodeOptions = {}): Scanned {
  const root = build();
  try {
    const node = readNode(root.dir, { filesToLoad: filesNeeded(CATALOG), ...options });
    return { node, results: scanNode(node, CATALOG) };
  } finally {
    root.cleanup();
  }
}

const BUILDERS: readonly [() => NodeRootBuilder, ReadNodeOptions][] = [
  [() => kubeadmControlPlane({ hardened: false }), {}],
  [() => kubeadmControlPlane({ hardened: true }), {}],
  [() => kubeadmWorker(), {}],
  [() => k3sServer(), { kubernetesVersion: 'v1.30.2+k3s1' }],
  [() => rke2Server(), {}],
  [() => eksAl2023Worker(), {}],
  [() => bottlerocketWorker(), {}],
];

describe('node scan: every node control on every layout', () => {
  const scanned: Scanned[] = [];
  before(() => {
    for (const [build, options] of BUILDERS) scanned.push(scan(build, options));
  });

  it('lists every node control of the catalog', () => {
    const nodeControls = CATALOG.filter((c) => NODE_FAMILIES.has(c.family)).map((c) => c.id);
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...nodeControls].sort());
  });

  SCENARIOS.forEach((scenario, index) => {
    it(`${scenario}: each control has its expected status`, () => {
      const { results } = scanned[index]!;
      const actual = Object.fromEntries(Object.keys(EXPECTED).map((id) => [id, worst(results, id)]));
      const expected = Object.fromEntries(Object.entries(EXPECTED).map(([id, statuses]) => [id, statuses[index]]));
      assert.deepEqual(actual, expected);
    });

    it(`${scenario}: no error results, every subject names the node`, () => {
      const { node, results } = scanned[index]!;
      assert.deepEqual(results.filter((r) => r.status === 'error').map((r) => r.message), []);
      for (const r of results) {
        if (r.subject.type === 'file' || r.subject.type === 'component') assert.equal(r.subject.node, node.hostname);
      }
    });
  });

  it('reports hostname, distribution and version in the scan target', () => {
    const targets = scanned.map((s) => nodeTarget('/mnt/node', s.node));
    assert.deepEqual(
      targets.map((t) => [t.hostname, t.distribution, t.kubernetesVersion]),
      [
        ['cp1', 'kubeadm', '1.30.2'],
        ['cp1', 'kubeadm', '1.30.2'],
        ['worker1', 'kubeadm', '1.30.2'],
        ['k3s-server1', 'k3s', '1.30.2'],
        ['rke2-server1', 'rke2', '1.30.2'],
        ['ip-10-0-1-23.ec2.internal', 'eks', undefined],
        ['ip-10-0-2-44.us-west-2.compute.internal', 'eks', '1.30'],
      ],
    );
    assert.equal(targets[5]!.distributionDetail, 'Amazon Linux 2023.5.20240805');
    assert.deepEqual(targets[0]!.components, {
      'kube-apiserver': 'static pod /etc/kubernetes/manifests/kube-apiserver.yaml',
      'kube-controller-manager': 'static pod /etc/kubernetes/manifests/kube-controller-manager.yaml',
      'kube-scheduler': 'static pod /etc/kubernetes/manifests/kube-scheduler.yaml',
      etcd: 'static pod /etc/kubernetes/manifests/etcd.yaml',
      kubelet: 'systemd unit kubelet.service',
    });
    assert.equal(targets[2]!.components && (targets[2]!.components as Record<string, string>)['kube-proxy'], 'process 2301');
  });

  it('runs the control-plane flag controls on the static pods, pointing at the manifest line', () => {
    const { results } = scanned[0]!;
    const anonymous = results.find((r) => r.control === 'apiserver-anonymous-auth')!;
    assert.equal(anonymous.status, 'fail');
    assert.deepEqual(anonymous.subject, { type: 'component', kind: 'kube-apiserver', node: 'cp1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml' });
    const authz = results.find((r) => r.control === 'apiserver-authorization-mode-rbac')!;
    assert.equal(authz.status, 'pass');
    // `- --authorization-mode=Node,RBAC` is the 4th word of the command, line 15 of the manifest.
    assert.deepEqual(authz.subject, { type: 'component', kind: 'kube-apiserver', node: 'cp1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml', line: 15 });
    const hardened = scanned[1]!.results.find((r) => r.control === 'apiserver-anonymous-auth')!;
    assert.equal(hardened.status, 'pass');
  });

  it('points kubelet findings at the config file line and the systemd drop-in', () => {
    const staticPath = scanned[0]!.results.find((r) => r.control === 'kubelet-static-pod-path')!;
    assert.deepEqual(staticPath.subject, { type: 'component', kind: 'kubelet', node: 'cp1', file: '/var/lib/kubelet/config.yaml', line: 42 });
    const override = scanned[5]!.results.find((r) => r.control === 'kubelet-hostname-override')!;
    assert.deepEqual(override.subject, { type: 'component', kind: 'kubelet', node: 'ip-10-0-1-23.ec2.internal', file: '/etc/systemd/system/kubelet.service', line: 10 });
  });

  it('gives one result per file, with the file as subject', () => {
    const keys = scanned[0]!.results.filter((r) => r.control === 'pki-key-permissions');
    assert.equal(keys.length, 11);
    assert.ok(keys.every((r) => r.status === 'pass' && r.subject.type === 'file' && r.subject.path.endsWith('.key')));
    const etcdOwner = scanned[0]!.results.find((r) => r.control === 'etcd-data-dir-ownership')!;
    assert.deepEqual(etcdOwner.subject, { type: 'file', path: '/var/lib/etcd', node: 'cp1' });
    assert.match(etcdOwner.message, /owned by root:root, not etcd:etcd/);
  });

  it('reads the kube-proxy config inside its container root and treats metricsBindAddress "" as the default', () => {
    const metrics = scanned[2]!.results.find((r) => r.control === 'kube-proxy-metrics-bind-address')!;
    assert.equal(metrics.status, 'pass');
    assert.match(metrics.message, /127\.0\.0\.1:10249/);
  });

  it('loads the files content controls need (RKE2 encryption config and audit policy)', () => {
    const { node, results } = scanned[4]!;
    const apiserver = node.components['kube-apiserver']!;
    assert.ok(apiserver.referencedFiles.get('/var/lib/rancher/rke2/server/cred/encryption-config.json')?.content);
    assert.ok(apiserver.referencedFiles.get('/etc/rancher/rke2/audit-policy.yaml')?.content);
    assert.equal(results.find((r) => r.control === 'apiserver-encryption-provider-content')?.status, 'pass');
    for (const r of results) assert.doesNotMatch(r.message, /c2VjcmV0LXZhbHVl/, 'a secret value was printed');
  });
});

describe('node scan: services', () => {
  it('a worker without sshd passes both STIG rules', () => {
    const { results } = scan(() => kubeadmWorker({ sshd: false }));
    assert.equal(worst(results, 'worker-sshd-not-running'), 'pass');
    assert.equal(worst(results, 'worker-sshd-not-enabled'), 'pass');
  });
});

