import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { kubeadmWorker } from '../sources/node/fixtures.js';
import { NodeRootBuilder } from '../sources/node/node-root-builder.js';

const MAIN = 'dist/src/cli/main.js';

describe('kubeharden node', () => {
  it('prints the results document for a node root and exits 1 on findings', () => {
    const b = kubeadmWorker();
    try {
      const run = spawnSync(process.execPath, [MAIN, 'node', '--root', b.dir, '--format', 'json', '--benchmark', 'stig-v2r2'], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      const document = JSON.parse(run.stdout);
      assert.equal(document.schemaVersion, 1);
      assert.deepEqual(document.scan.targets[0].type, 'node');
      assert.equal(document.scan.targets[0].hostname, 'worker1');
      assert.equal(document.scan.targets[0].distribution, 'kubeadm');
      assert.equal(document.scan.targets[0].benchmark, 'stig-v2r2');
      const sshd = document.results.find((r: { control: string }) => r.control === 'worker-sshd-not-running');
      assert.deepEqual(sshd.subject, { type: 'component', kind: 'sshd', node: 'worker1' });
      assert.equal(sshd.status, 'fail');
    } finally {
      b.cleanup();
    }
  });

  it('prints a table and exits 0 when nothing reaches --fail-on', () => {
    const b = kubeadmWorker();
    try {
      const run = spawnSync(process.execPath, [MAIN, 'node', '--root', b.dir, '--fail-on', 'none'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /worker-sshd-not-running/);
    } finally {
      b.cleanup();
    }
  });

  it('applies exceptions from --config to node results (node and file globs)', () => {
    const b = kubeadmWorker();
    try {
      b.file('/kubeharden.yaml', `exceptions:
  - item: stig-v2r2:V-242393
    node: "worker*"
    justification: break-glass SSH until the bastion is in place (SEC-7)
  - control: kubelet-service-file-permissions
    node: worker1
    file: /usr/lib/systemd/system/kubelet.service**
    justification: package-managed unit files (SEC-9)
`);
      const run = spawnSync(process.execPath, [MAIN, 'node', '--root', b.dir, '--format', 'json', '--config', `${b.dir}/kubeharden.yaml`], { encoding: 'utf8' });
      const results = JSON.parse(run.stdout).results as { control: string; status: string; subject: { path?: string } }[];
      assert.equal(results.find((r) => r.control === 'worker-sshd-not-running')?.status, 'waived');
      assert.deepEqual(
        results.filter((r) => r.control === 'kubelet-service-file-permissions').map((r) => r.status),
        ['waived', 'waived'],
      );
      assert.equal(results.find((r) => r.control === 'worker-sshd-not-enabled')?.status, 'fail');
    } finally {
      b.cleanup();
    }
  });

  it('exits 2 when the root holds no Kubernetes node at all (a wrong --root must not pass)', () => {
    const b = new NodeRootBuilder();
    try {
      const run = spawnSync(process.execPath, [MAIN, 'node', '--root', b.dir, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no Kubernetes component/);
      assert.equal(JSON.parse(run.stdout).results[0].control, 'input-readable');
    } finally {
      b.cleanup();
    }
  });

  it('exits 2 for a --root that is not a directory', () => {
    const run = spawnSync(process.execPath, [MAIN, 'node', '--root', '/nonexistent/kh-root'], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--root "\/nonexistent\/kh-root" is not a directory/);
  });
});
