import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from '../../../src/controls/catalog.js';
import { exitCodeFor } from '../../../src/engine/exit-code.js';
import { scanNode } from '../../../src/engine/scan-node.js';
import { readNode } from '../../../src/sources/node/index.js';
import { isError, NodeRoot } from '../../../src/sources/node/root-fs.js';
import { kubeadmControlPlane, kubeadmWorker } from './fixtures.js';
import { NodeRootBuilder } from './node-root-builder.js';

function withRoot<T>(build: (b: NodeRootBuilder) => void, use: (dir: string) => T): T {
  const b = new NodeRootBuilder();
  try {
    build(b);
    return use(b.dir);
  } finally {
    b.cleanup();
  }
}

describe('NodeRoot: every path resolved inside the root', () => {
  it('resolves an absolute symlink as the node would: inside the root', () => {
    withRoot(
      (b) => b.file('/opt/k8s/admin.conf', 'x', { mode: 0o600 }).symlink('/etc/kubernetes/admin.conf', '/opt/k8s/admin.conf'),
      (dir) => {
        const root = new NodeRoot(dir);
        const read = root.readText('/etc/kubernetes/admin.conf');
        assert.ok(!isError(read) && read.text === 'x');
        const stat = root.stat('/etc/kubernetes/admin.conf');
        assert.ok(!isError(stat) && stat.real === '/opt/k8s/admin.conf');
      },
    );
  });

  it('does not follow a relative symlink that climbs out of the root, and reports it', () => {
    withRoot(
      (b) => b.symlink('/etc/kubernetes/admin.conf', '../../../../../../../../etc/passwd'),
      (dir) => {
        const root = new NodeRoot(dir);
        const read = root.readText('/etc/kubernetes/admin.conf');
        assert.ok(isError(read));
        assert.equal(read.error.kind, 'escape');
        assert.match([...root.escapes.values()][0]!, /points outside the root; not followed/);
      },
    );
  });

  it('does not follow an escaping symlink in the middle of a path', () => {
    withRoot(
      (b) => b.symlink('/etc/kubernetes', '../../..'),
      (dir) => {
        const root = new NodeRoot(dir);
        assert.ok(isError(root.stat('/etc/kubernetes/pki')));
        assert.equal(root.escapes.size, 1);
      },
    );
  });

  it('stops a symlink loop', () => {
    withRoot(
      (b) => b.symlink('/a', '/b').symlink('/b', '/a'),
      (dir) => {
        const read = new NodeRoot(dir).readText('/a');
        assert.ok(isError(read) && /too many levels/.test(read.error.message));
      },
    );
  });

  it('a path with .. cannot climb above the root', () => {
    withRoot(
      () => undefined,
      (dir) => {
        const resolved = new NodeRoot(dir).resolve('/../../etc/passwd');
        assert.ok(resolved.ok && resolved.path === '/etc/passwd');
      },
    );
  });
});

describe('node scan: escaping symlinks and unreadable evidence are errors, never passes', () => {
  it('an admin.conf linking out of the root is reported as an error and not checked', () => {
    const b = kubeadmControlPlane({ hardened: true });
    try {
      b.remove('/etc/kubernetes/admin.conf').symlink('/etc/kubernetes/admin.conf', '../../../../../../../../../etc/shadow');
      const node = readNode(b.dir);
      const results = scanNode(node, CATALOG);
      const escape = results.find((r) => r.control === 'input-readable')!;
      assert.equal(escape.status, 'error');
      assert.deepEqual(escape.subject, { type: 'input', file: '/etc/kubernetes/admin.conf' });
      const admin = results.filter((r) => r.control === 'admin-kubeconfig-permissions');
      assert.deepEqual(admin.map((r) => [r.status, r.subject.type === 'file' && r.subject.path]), [
        ['error', '/etc/kubernetes/admin.conf'],
        ['pass', '/etc/kubernetes/super-admin.conf'],
      ]);
      assert.equal(exitCodeFor(results, 'none'), 2);
    } finally {
      b.cleanup();
    }
  });

  it('a kubelet config file that does not parse gives an error, and the settings in it are not passed', () => {
    const b = kubeadmWorker();
    try {
      b.file('/var/lib/kubelet/config.yaml', 'authentication: [unclosed\n');
      const results = scanNode(readNode(b.dir), CATALOG);
      assert.ok(results.some((r) => r.status === 'error' && r.control === 'input-readable' && /config.yaml/.test(r.message)));
      for (const id of ['kubelet-anonymous-auth', 'kubelet-protect-kernel-defaults', 'kubelet-rotate-certificates', 'kubelet-rotate-server-certificates', 'kubelet-event-qps']) {
        assert.equal(results.find((r) => r.control === id)?.status, 'error', id);
      }
    } finally {
      b.cleanup();
    }
  });

  it('a missing file the kubelet names is an error (CIS 4.1.5 cannot pass on a file it never saw)', () => {
    const b = kubeadmWorker();
    try {
      b.remove('/etc/kubernetes/kubelet.conf');
      const results = scanNode(readNode(b.dir), CATALOG);
      const r = results.find((x) => x.control === 'kubelet-kubeconfig-permissions')!;
      assert.equal(r.status, 'error');
      assert.match(r.message, /no such file/);
    } finally {
      b.cleanup();
    }
  });
});

describe('node source: owners by the node\'s own passwd and group', () => {
  it('names owners from <root>/etc/passwd, and shows a number when the node has no such user', () => {
    const b = kubeadmControlPlane({ hardened: true });
    try {
      // uid 52379 is "etcd" only in this root's passwd; 4242 is in neither file.
      b.file('/etc/kubernetes/scheduler.conf', 'x', { mode: 0o600, owner: '4242', group: '4242' });
      const results = scanNode(readNode(b.dir), CATALOG);
      assert.equal(results.find((r) => r.control === 'etcd-data-dir-ownership')?.status, 'pass');
      const scheduler = results.find((r) => r.control === 'scheduler-kubeconfig-ownership')!;
      assert.equal(scheduler.status, 'fail');
      assert.match(scheduler.message, /uid 4242 \(no entry in the node's \/etc\/passwd\):gid 4242/);
    } finally {
      b.cleanup();
    }
  });
});

describe('node source: systemd units', () => {
  it('expands Environment and EnvironmentFile into the kubelet command line (KUBELET_EXTRA_ARGS)', () => {
    const b = kubeadmControlPlane({ hardened: false });
    try {
      b.file('/etc/default/kubelet', 'KUBELET_EXTRA_ARGS="--hostname-override=cp1.example.com --node-ip=10.0.0.10"\n');
      const node = readNode(b.dir);
      const kubelet = node.components.kubelet!;
      assert.equal(kubelet.settings.get('config')?.value, '/var/lib/kubelet/config.yaml');
      assert.equal(kubelet.settings.get('container-runtime-endpoint')?.value, 'unix:///var/run/containerd/containerd.sock');
      const override = scanNode(node, CATALOG).find((r) => r.control === 'kubelet-hostname-override')!;
      assert.equal(override.status, 'fail');
      assert.deepEqual(override.subject, {
        type: 'component',
        kind: 'kubelet',
        node: 'cp1',
        file: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf',
        line: 11,
      });
    } finally {
      b.cleanup();
    }
  });

  it('a drop-in in /etc masks the packaged one of the same name', () => {
    const b = kubeadmWorker();
    try {
      b.remove('/proc');
      b.file('/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --read-only-port=10255 --kubeconfig=/etc/kubernetes/kubelet.conf\n', { mode: 0o600 });
      const node = readNode(b.dir);
      assert.equal(node.components.kubelet?.settings.get('read-only-port')?.value, '10255');
      assert.equal(node.components.kubelet?.settings.has('config'), false);
      assert.equal(scanNode(node, CATALOG).find((r) => r.control === 'kubelet-read-only-port')?.status, 'fail');
    } finally {
      b.cleanup();
    }
  });
});
