import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { CATALOG } from '../../src/controls/catalog.js';
import { scanManifestsInParallel } from '../../src/engine/parallel-scan.js';
import type { Result, ResultsDocument } from '../../src/engine/result.js';
import { scanManifests } from '../../src/engine/scan-manifests.js';
import { WaiverSet } from '../../src/engine/waivers.js';
import { kubeadmControlPlane } from '../sources/node/fixtures.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

/**
 * A manifest tree with every kind of evidence the cross-object controls and the exceptions read:
 * generated workloads, RBAC and network policies over many files; a kubectl List dump; kubeadm's
 * static pods (component controls that compare components); an annotation exemption; a broken
 * document; a symlink out of the tree.
 */
function manifestTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-parallel-'));
  generateCorpus(join(dir, 'generated'), 1200, 7);
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  cpSync(join(kubeadmControlPlane({ hardened: false }).dir, 'etc/kubernetes/manifests'), join(dir, 'static-pods'), { recursive: true });
  mkdirSync(join(dir, 'dumps'));
  writeFileSync(
    join(dir, 'dumps', 'rbac.yaml'),
    `apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: everything}
  rules:
  - apiGroups: ['*']
    resources: ['*']
    verbs: ['*']
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: everything}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}
  subjects:
  - {kind: ServiceAccount, name: app, namespace: team-0}
- apiVersion: v1
  kind: Pod
  metadata:
    name: exempted
    namespace: team-1
    annotations: {kubeharden.io/exempt-privileged-container: "the CNI agent needs it"}
  spec:
    containers:
    - name: agent
      image: registry.example/cni:1.0
      securityContext: {privileged: true}
`,
  );
  writeFileSync(join(dir, 'dumps', 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  symlinkSync('/etc/passwd', join(dir, 'dumps', 'outside.yaml'));
  return dir;
}

const tree = manifestTree();

describe('the manifest scan on worker threads', () => {
  it('gives exactly the results of the scan on one thread, in the same order, from encoded batches', async () => {
    const rules = [{ control: 'host-network', selector: { namespace: 'team-2' }, justification: 'ingress nodes', source: 'test:1' }];
    const problemsOne: string[] = [];
    const oneThread = new WaiverSet(rules, { today: '2026-01-01' });
    const expected = await scanManifests([tree], {
      controls: CATALOG,
      waivers: oneThread,
      onProblem: (p) => problemsOne.push(`${p.file}:${p.line ?? ''}: ${p.message}`),
    });
    const problemsMany: string[] = [];
    const threads = new WaiverSet(rules, { today: '2026-01-01' });
    const results: Result[] = [];
    let batches = 0;
    await scanManifestsInParallel(
      [tree],
      { controls: CATALOG, waivers: threads, jobs: 3, failOn: 'low', onProblem: (p) => problemsMany.push(`${p.file}:${p.line ?? ''}: ${p.message}`) },
      {
        result: (r) => results.push(r),
        encoded: ({ chunks, count }) => {
          batches += 1;
          const decoded = JSON.parse(`[${Buffer.concat(chunks).toString('utf8')}]`) as Result[];
          assert.equal(decoded.length, count);
          results.push(...decoded);
        },
      },
    );
    assert.ok(batches >= 3, `the files were checked by workers in several batches (${batches})`);
    assert.equal(results.length, expected.length);
    assert.deepEqual(results, JSON.parse(JSON.stringify(expected)));
    assert.deepEqual(problemsMany, problemsOne);
    assert.deepEqual(threads.warnings(), oneThread.warnings(), 'exception use reported by the workers reaches the main thread');
    // The cross-object and peer controls ran on the main thread over what the workers kept.
    const controls = new Set(results.map((r) => r.control));
    for (const id of ['workload-network-policy', 'service-account-token-automount', 'rbac-role-wildcards', 'etcd-unique-ca']) {
      assert.ok(controls.has(id), `${id} reported`);
    }
    assert.ok(results.some((r) => r.status === 'waived' && r.waiver?.source.startsWith('annotation')), 'annotation exemption applied in a worker');
    assert.ok(results.some((r) => r.status === 'waived' && r.waiver?.source === 'test:1'), 'config exception applied in a worker');
    assert.ok(results.some((r) => r.status === 'error' && r.subject.type === 'input'), 'the broken document is an error result');
  });

  it('runs only the controls it is given, on the workers too', async () => {
    const controls = CATALOG.filter((c) => c.id === 'privileged-container' || c.id === 'workload-network-policy');
    const expected = await scanManifests([tree], { controls });
    const results: Result[] = [];
    await scanManifestsInParallel([tree], { controls, jobs: 2, failOn: 'low' }, {
      result: (r) => results.push(r),
      encoded: ({ chunks }) => results.push(...(JSON.parse(`[${Buffer.concat(chunks).toString('utf8')}]`) as Result[])),
    });
    assert.deepEqual(new Set(results.map((r) => r.control)), new Set(['input-readable', 'privileged-container', 'workload-network-policy']));
    assert.deepEqual(results, JSON.parse(JSON.stringify(expected)));
  });

  it('writes the same JSON document and exit code from the CLI with --jobs 1 and --jobs 3, and the same table', () => {
    const out = mkdtempSync(join(tmpdir(), 'kh-parallel-out-'));
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'scan', tree, ...args], { encoding: 'utf8' });
    const documents = ['1', '3'].map((jobs) => {
      const file = join(out, `jobs-${jobs}.json`);
      const child = run(['--jobs', jobs, '--format', 'json', '-o', file]);
      assert.equal(child.status, 2, child.stderr);
      assert.match(child.stderr, /broken\.yaml:4: invalid YAML/);
      const document = JSON.parse(readFileSync(file, 'utf8')) as ResultsDocument;
      return { ...document, scan: { ...document.scan, startedAt: '', finishedAt: '' } };
    });
    assert.deepEqual(documents[1], documents[0]);
    assert.ok(documents[0]!.results.length > 10_000);
    const tables = ['1', '3'].map((jobs) => run(['--jobs', jobs, '--format', 'csv']).stdout);
    assert.equal(tables[1], tables[0]);
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    const child = spawnSync(process.execPath, [CLI, 'scan', 'examples', '--jobs', '0'], { encoding: 'utf8' });
    assert.equal(child.status, 2);
    assert.match(child.stderr, /--jobs must be a positive whole number/);
  });
});
