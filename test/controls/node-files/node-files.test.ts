import assert from 'node:assert/strict';
import { chmodSync, chownSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { nodeFileControls } from '../../../src/controls/node-files/index.js';
import type { Status } from '../../../src/controls/control.js';
import { scanNode } from '../../../src/engine/scan-node.js';
import { readNode } from '../../../src/sources/node/index.js';
import { k3sServer, kubeadmControlPlane } from '../../sources/node/fixtures.js';
import type { NodeRootBuilder, Owned } from '../../sources/node/node-root-builder.js';

interface FileCase {
  /** The layout that passes the control before the change: the hardened kubeadm control plane, or k3s for kube-proxy. */
  base: 'kubeadm-hardened' | 'k3s';
  /** The file made too permissive or given the wrong owner. */
  path: string;
  change: Owned;
}

const K3S = '/var/lib/rancher/k3s';
const PROXY = `${K3S}/agent/kubeproxy.kubeconfig`;
const ETCD_OWNED: Owned = { owner: 'etcd', group: 'etcd' };

/**
 * Every file control, with the change that makes it fail: the changed file's result must be `fail`,
 * naming the file, and every other file of the control must still pass. 600 controls fail at 640,
 * 644 controls at 664 (so a 644 file passes the STIG rule and fails the CIS one), owners at a user
 * that exists only in the node's own /etc/passwd.
 */
const CASES: Record<string, FileCase> = {
  'apiserver-pod-spec-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-apiserver.yaml', change: { mode: 0o640 } },
  'apiserver-pod-spec-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-apiserver.yaml', change: { owner: 'kube' } },
  'controller-manager-pod-spec-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-controller-manager.yaml', change: { mode: 0o604 } },
  'controller-manager-pod-spec-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-controller-manager.yaml', change: { group: 'kube' } },
  'scheduler-pod-spec-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', change: { mode: 0o700 } },
  'scheduler-pod-spec-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', change: { owner: 'kube', group: 'kube' } },
  'etcd-pod-spec-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/etcd.yaml', change: { mode: 0o644 } },
  'etcd-pod-spec-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/etcd.yaml', change: ETCD_OWNED },
  'static-pod-manifests-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/etcd.yaml', change: { mode: 0o664 } },
  'static-pod-manifests-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', change: { owner: 'kube' } },
  'cni-config-permissions': { base: 'kubeadm-hardened', path: '/etc/cni/net.d/10-calico.conflist', change: { mode: 0o644 } },
  'cni-config-ownership': { base: 'kubeadm-hardened', path: '/etc/cni/net.d/10-calico.conflist', change: { owner: 'kube' } },
  'etcd-data-dir-permissions': { base: 'kubeadm-hardened', path: '/var/lib/etcd', change: { mode: 0o750 } },
  'etcd-data-dir-ownership': { base: 'kubeadm-hardened', path: '/var/lib/etcd', change: { owner: 'root', group: 'root' } },
  'etcd-data-files-permissions': { base: 'kubeadm-hardened', path: '/var/lib/etcd/member', change: { mode: 0o775 } },
  'etcd-data-files-ownership': { base: 'kubeadm-hardened', path: '/var/lib/etcd/member', change: { group: 'root' } },
  'admin-kubeconfig-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/super-admin.conf', change: { mode: 0o644 } },
  'admin-kubeconfig-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/admin.conf', change: { owner: 'kube' } },
  'scheduler-kubeconfig-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/scheduler.conf', change: { mode: 0o640 } },
  'scheduler-kubeconfig-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/scheduler.conf', change: { owner: 'kube' } },
  'controller-manager-kubeconfig-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/controller-manager.conf', change: { mode: 0o666 } },
  'controller-manager-kubeconfig-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/controller-manager.conf', change: { group: 'kube' } },
  'control-plane-kubeconfigs-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/admin.conf', change: { mode: 0o664 } },
  'pki-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/etcd/ca.key', change: ETCD_OWNED },
  'pki-cert-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/apiserver.crt', change: { mode: 0o664 } },
  'pki-cert-permissions-600': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/apiserver.crt', change: { mode: 0o644 } },
  'pki-key-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/sa.key', change: { mode: 0o640 } },
  'kubelet-service-file-permissions': { base: 'kubeadm-hardened', path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', change: { mode: 0o644 } },
  'kubelet-service-file-permissions-644': { base: 'kubeadm-hardened', path: '/usr/lib/systemd/system/kubelet.service', change: { mode: 0o664 } },
  'kubelet-service-file-ownership': { base: 'kubeadm-hardened', path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', change: { owner: 'kube' } },
  'proxy-kubeconfig-permissions': { base: 'k3s', path: PROXY, change: { mode: 0o644 } },
  'proxy-kubeconfig-permissions-644': { base: 'k3s', path: PROXY, change: { mode: 0o664 } },
  'proxy-kubeconfig-ownership': { base: 'k3s', path: PROXY, change: { owner: 'kube' } },
  'kubelet-kubeconfig-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/kubelet.conf', change: { mode: 0o644 } },
  'kubelet-kubeconfig-permissions-644': { base: 'kubeadm-hardened', path: '/etc/kubernetes/kubelet.conf', change: { mode: 0o646 } },
  'kubelet-kubeconfig-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/kubelet.conf', change: { owner: 'kube' } },
  'kubelet-client-ca-permissions': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/ca.crt', change: { mode: 0o664 } },
  'kubelet-client-ca-permissions-600': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/ca.crt', change: { mode: 0o644 } },
  'kubelet-client-ca-ownership': { base: 'kubeadm-hardened', path: '/etc/kubernetes/pki/ca.crt', change: { group: 'kube' } },
  'kubelet-config-file-permissions': { base: 'kubeadm-hardened', path: '/var/lib/kubelet/config.yaml', change: { mode: 0o644 } },
  'kubelet-config-file-permissions-644': { base: 'kubeadm-hardened', path: '/var/lib/kubelet/config.yaml', change: { mode: 0o744 } },
  'kubelet-config-file-ownership': { base: 'kubeadm-hardened', path: '/var/lib/kubelet/config.yaml', change: { owner: 'kube' } },
};

function statusesOf(id: string, b: NodeRootBuilder, options = {}): [string, Status][] {
  return scanNode(readNode(b.dir, options), nodeFileControls)
    .filter((r) => r.control === id)
    .map((r) => [r.subject.type === 'file' ? r.subject.path : '?', r.status]);
}

/** Applies a change, runs `use`, and puts the file's mode and owner back, so one layout serves every case. */
function withChange<T>(b: NodeRootBuilder, path: string, change: Owned, use: () => T): T {
  const host = join(b.dir, path);
  const { mode, uid, gid } = lstatSync(host);
  b.set(path, change);
  try {
    return use();
  } finally {
    chmodSync(host, mode & 0o7777);
    chownSync(host, uid, gid);
  }
}

describe('node-files controls: each passes on its layout and fails on the changed file only', () => {
  const bases: Partial<Record<FileCase['base'], NodeRootBuilder>> = {};
  before(() => {
    bases['kubeadm-hardened'] = kubeadmControlPlane({ hardened: true });
    bases.k3s = k3sServer();
  });
  after(() => {
    for (const b of Object.values(bases)) b.cleanup();
  });

  it('has a case for every file control', () => {
    assert.deepEqual(Object.keys(CASES).sort(), nodeFileControls.map((c) => c.id).sort());
  });

  for (const [id, testCase] of Object.entries(CASES)) {
    it(id, () => {
      const b = bases[testCase.base]!;
      const unchanged = statusesOf(id, b);
      assert.ok(unchanged.length > 0);
      assert.deepEqual(unchanged.filter(([, s]) => s !== 'pass'), [], 'the base layout passes');
      const changed = withChange(b, testCase.path, testCase.change, () => statusesOf(id, b));
      assert.deepEqual(
        changed,
        unchanged.map(([path]) => [path, path === testCase.path ? 'fail' : 'pass']),
        `only ${testCase.path} fails`,
      );
    });
  }
});
