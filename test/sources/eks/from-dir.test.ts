import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ResultsDocument } from '../../../src/engine/result.js';
import { collectEksFromDir, EksInputError } from '../../../src/sources/eks/from-dir.js';

function dumpWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeharden-eks-dir-'));
  cpSync('test/fixtures/eks/hardened', dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('EKS --from-dir source', () => {
  it('recognises every AWS CLI output by its content, whatever the file is called, and lists the rest as skipped', async () => {
    const dir = dumpWith({ 'output-7': '{"nodegroups": ["general"]}', 'random.json': '{"Reservations": []}' });
    try {
      const { evidence, recognised, skipped, problems } = await collectEksFromDir(dir);
      assert.equal(evidence.clusterName, 'prod');
      assert.equal(evidence.region, 'eu-west-1', 'from the cluster ARN');
      const as = Object.fromEntries(recognised.map((r) => [r.file.split('/').pop(), r.as]));
      assert.equal(as['describe-cluster.json'], 'eks describe-cluster');
      assert.equal(as['output-7'], 'eks list-nodegroups');
      assert.equal(as['lt-versions.json'], 'ec2 describe-launch-template-versions');
      assert.equal(as['k8s-objects.yaml'], 'Kubernetes objects');
      assert.deepEqual(skipped.map((s) => s.file.split('/').pop()).sort(), ['NOTES.txt', 'random.json']);
      assert.match(skipped.find((s) => s.file.endsWith('random.json'))!.reason, /top-level keys: Reservations/);
      assert.deepEqual(problems, []);
      assert.equal(evidence.kubernetes.state === 'present' ? evidence.kubernetes.value.length : 0, 7);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reads AWS CLI YAML output (--output yaml) as well as JSON', async () => {
    const dir = dumpWith({ 'scan.yaml': 'registryId: "111122223333"\nscanningConfiguration:\n  scanType: BASIC\n  rules: []\n' });
    try {
      const { evidence, problems } = await collectEksFromDir(dir);
      assert.deepEqual(problems, []);
      assert.equal(evidence.registryScanning.state === 'present' ? evidence.registryScanning.value.scanType : '', 'BASIC');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('skips outputs of another cluster, and asks which cluster when the directory describes several', async () => {
    const other = JSON.stringify({ cluster: { name: 'staging', arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/staging' } });
    const otherNodegroup = JSON.stringify({ nodegroup: { nodegroupName: 'spot', clusterName: 'staging', subnets: [] } });
    const dir = dumpWith({ 'staging.json': other, 'staging-ng.json': otherNodegroup });
    try {
      await assert.rejects(collectEksFromDir(dir), (error: Error) => error instanceof EksInputError && /2 clusters \(prod, staging\).*--cluster/.test(error.message));
      const { evidence, skipped } = await collectEksFromDir(dir, { clusterName: 'prod' });
      assert.deepEqual([...evidence.nodegroups.keys()], ['general']);
      assert.ok(skipped.some((s) => s.file.endsWith('staging-ng.json') && /another cluster \(staging\)/.test(s.reason)));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('a broken JSON file is an input error: the CLI reports it and exits 2', () => {
    const dir = dumpWith({ 'ecr-scanning.json': '{"registryId": "111122223333", "scanningConfiguration": {' });
    try {
      const run = spawnSync(process.execPath, ['dist/src/cli/main.js', 'eks', '--from-dir', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, 2, run.stderr);
      const document = JSON.parse(run.stdout) as ResultsDocument;
      const input = document.results.find((r) => r.control === 'input-readable')!;
      assert.equal(input.status, 'error');
      assert.match(run.stderr, /ecr-scanning\.json: is neither valid JSON nor YAML/);
      assert.match(run.stderr, /NOTES\.txt: skipped/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('kubeharden eks --from-dir (the built CLI)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['dist/src/cli/main.js', 'eks', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('the hardened dump has no failure (exit 0) and every ComplianceAsCode EKS rule has a result', () => {
    const out = run('--from-dir', 'test/fixtures/eks/hardened', '--format', 'json');
    assert.equal(out.status, 0, out.stdout);
    const document = JSON.parse(out.stdout) as ResultsDocument;
    assert.deepEqual(document.results.filter((r) => r.status === 'fail'), []);
    const rules = new Set(document.results.flatMap((r) => r.refs.filter((ref) => ref.framework === 'eks-cac').map((ref) => ref.id)));
    assert.equal(rules.size, 17);
  });

  it('the failing dump fails every rule that evidence can fail (exit 1), high severity first in the table', () => {
    const json = run('--from-dir', 'test/fixtures/eks/failing', '--approved-registry', '444455556666.dkr.ecr.us-east-1.amazonaws.com', '--format', 'json');
    assert.equal(json.status, 1);
    const failed = new Set((JSON.parse(json.stdout) as ResultsDocument).results.filter((r) => r.status === 'fail').map((r) => r.control));
    assert.deepEqual([...failed].sort(), [
      'eks-approved-registries', 'eks-audit-logging', 'eks-cluster-admin-access', 'eks-dedicated-service-accounts', 'eks-ecr-access-minimized', 'eks-ecr-image-scanning', 'eks-ecr-read-only-node-access',
      'eks-endpoint-access-restricted', 'eks-endpoint-private', 'eks-iam-user-management', 'eks-load-balancer-tls', 'eks-network-policy-enforcement',
      'eks-private-nodes', 'eks-secrets-kms-encryption', 'namespace-network-policy',
    ]);
    assert.equal(run('--from-dir', 'test/fixtures/eks/failing', '--fail-on', 'high').status, 1);
    assert.equal(run('--from-dir', 'test/fixtures/eks/failing', '--fail-on', 'critical').status, 0);
  });

  it('an exception waives an EKS finding with its justification', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeharden-eks-config-'));
    try {
      writeFileSync(join(dir, 'exceptions.yaml'), 'exceptions:\n  - control: eks-endpoint-private\n    justification: SaaS CI runners need the public endpoint, restricted to their CIDRs (SEC-7)\n');
      const out = run('--from-dir', 'test/fixtures/eks/failing', '--config', join(dir, 'exceptions.yaml'), '--format', 'json');
      const endpoint = (JSON.parse(out.stdout) as ResultsDocument).results.find((r) => r.control === 'eks-endpoint-private')!;
      assert.equal(endpoint.status, 'waived');
      assert.match(endpoint.waiver!.justification, /SEC-7/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('bad arguments exit 2 with a message', () => {
    const none = run();
    assert.equal(none.status, 2);
    assert.match(none.stderr, /--cluster NAME, or .* --from-dir DIR/);
    assert.equal(run('--from-dir', 'test/fixtures/eks/hardened', '--endpoint-url', 'http://127.0.0.1:1').status, 2);
  });
});
