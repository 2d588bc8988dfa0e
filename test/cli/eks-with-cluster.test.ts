import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResultsDocument } from '../../src/engine/result.js';
import { hardenedCluster, KUBELET_CONFIG } from '../support/cluster-objects.js';
import { startFakeApiServer } from '../support/fake-apiserver.js';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/src/cli/main.js', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-eks-with-cluster-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('kubeharden eks --with-cluster', () => {
  it('adds the Kubernetes API scan of the same cluster: its results, its target, and its objects as EKS evidence', async () => {
    const server = await startFakeApiServer({ objects: hardenedCluster(), kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG } });
    try {
      const kubeconfig = server.writeKubeconfig(dir, { context: 'prod' });
      const { stdout, stderr } = await run(['eks', '--from-dir', 'test/fixtures/eks/hardened', '--with-cluster', '--kubeconfig', kubeconfig, '--format', 'json']);
      const document = JSON.parse(stdout) as ResultsDocument;
      assert.deepEqual(document.scan.targets.map((t) => t.type), ['eks', 'cluster'], stderr);
      const controls = new Set(document.results.map((r) => r.control));
      assert.ok(controls.has('namespace-network-policy'), 'the namespace rule is decided by the cluster scan');
      assert.ok(!controls.has('eks-cac-configure-network-policies-namespaces'), 'so it is no longer a placeholder');
      assert.ok(controls.has('privileged-container'), 'every catalog control of the cluster scan runs');
      assert.equal(document.results.filter((r) => r.control === 'namespace-network-policy').length, document.results.filter((r) => r.control === 'namespace-network-policy' && r.subject.type !== 'eks-cluster').length);
      const tls = document.results.filter((r) => r.control === 'eks-load-balancer-tls');
      assert.deepEqual(tls.map((r) => r.status), ['manual'], 'Services and Ingresses are not read by the API scan: a question, never not-applicable');
      assert.match(tls[0]!.message, /--objects/);
      const identities = document.results.filter((r) => r.control === 'eks-dedicated-service-accounts' && r.subject.type === 'eks-cluster' && !r.subject.resource);
      assert.match(identities[0]!.message, /no workload uses IRSA/, 'judged on the cluster\'s workloads, not the dump\'s');
      assert.deepEqual(server.violations, []);
    } finally {
      await server.close();
    }
  });

  it('an unreachable API server is a usage error (exit 2)', async () => {
    const server = await startFakeApiServer({});
    const kubeconfig = server.writeKubeconfig(dir, { context: 'prod' });
    await server.close();
    const { code, stderr } = await run(['eks', '--from-dir', 'test/fixtures/eks/hardened', '--with-cluster', '--kubeconfig', kubeconfig, '--request-timeout', '2s']);
    assert.equal(code, 2);
    assert.match(stderr, /cannot reach the API server/);
  });
});
