import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResultsDocument } from '../../src/engine/result.js';
import { container, hardenedCluster, KUBELET_CONFIG, pod, podSpec, role, roleBinding, secret } from '../support/cluster-objects.js';
import { runCli as run } from '../support/run-cli.js';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from '../support/fake-apiserver.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-cluster-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withServer(options: FakeApiServerOptions, body: (server: FakeApiServer, kubeconfig: string) => Promise<void>): Promise<void> {
  const server = await startFakeApiServer(options);
  try {
    await body(server, server.writeKubeconfig(dir, { context: 'prod' }));
    assert.deepEqual(server.violations, []);
  } finally {
    await server.close();
  }
}

const failing = (): FakeApiServerOptions => ({
  objects: [...hardenedCluster(), pod('shop', 'debug', podSpec([container('shell', { privileged: true })]))],
  kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG },
});

describe('kubeharden cluster and snapshot (the built CLI)', () => {
  it('scans a live cluster: JSON results, target, exit 1 on findings, quiet stderr when not a TTY', async () => {
    await withServer(failing(), async (server, kubeconfig) => {
      const { code, stdout, stderr } = await run(['cluster', '--kubeconfig', kubeconfig, '--format', 'json']);
      assert.equal(stderr, '');
      assert.equal(code, 1);
      const doc = JSON.parse(stdout) as ResultsDocument;
      assert.deepEqual(doc.scan.targets, [{ type: 'cluster', context: 'prod', server: server.url, serverVersion: 'v1.30.4' }]);
      const fails = doc.results.filter((r) => r.status === 'fail' && r.control === 'privileged-container');
      assert.deepEqual(fails.map((r) => r.subject), [{ type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'debug', container: 'shell' }]);
    });
  });

  it('checks a live cluster on worker threads (--jobs 3) with exactly the results, order and exit code of one thread', async () => {
    const objects = [...hardenedCluster()];
    for (let i = 0; i < 600; i++) {
      const ns = i % 2 ? 'shop' : 'payments';
      objects.push(pod(ns, `web-${i}`, i % 7 === 0 ? podSpec([container('app', { privileged: true }), container('sidecar')]) : podSpec()));
    }
    objects.push(role('shop', 'reader', [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }]));
    objects.push(roleBinding('shop', 'reader', { kind: 'Role', name: 'reader' }, [{ kind: 'ServiceAccount', name: 'default', namespace: 'shop' }]));
    await withServer({ objects, kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG } }, async (_server, kubeconfig) => {
      const runs = [];
      for (const jobs of ['1', '3']) {
        const { code, stdout, stderr } = await run(['cluster', '--kubeconfig', kubeconfig, '--format', 'json', '--jobs', jobs]);
        const doc = JSON.parse(stdout) as ResultsDocument;
        assert.equal(code, 1, stderr);
        runs.push({ ...doc, scan: { ...doc.scan, startedAt: '', finishedAt: '' } });
      }
      assert.deepEqual(runs[1], runs[0]);
      assert.equal(runs[0]!.results.filter((r) => r.control === 'privileged-container' && r.status === 'fail').length, 86, 'every seventh of 600 pods');
      assert.ok(runs[0]!.results.some((r) => r.control === 'rbac-role-wildcards' && r.status === 'fail'), 'inventory controls ran over what the workers kept');
    });
  });

  it('snapshot then cluster --snapshot gives the live results; the file holds no secret data', async () => {
    const options = failing();
    options.objects = [...(options.objects as []), secret('shop', 'stripe', { key: 'sk_live_do_not_leak' })];
    await withServer(options, async (_server, kubeconfig) => {
      const live = await run(['cluster', '--kubeconfig', kubeconfig, '--format', 'json']);
      const file = join(dir, 'prod.json');
      const saved = await run(['snapshot', '--kubeconfig', kubeconfig, '-o', file]);
      assert.equal(saved.code, 0, saved.stderr);
      assert.match(saved.stderr, /snapshot of prod written to .*prod\.json/);
      const text = readFileSync(file, 'utf8');
      assert.ok(!text.includes('sk_live') && !text.includes(Buffer.from('sk_live_do_not_leak').toString('base64')));
      const offline = await run(['cluster', '--snapshot', file, '--format', 'json']);
      assert.equal(offline.code, live.code);
      const liveDoc = JSON.parse(live.stdout) as ResultsDocument;
      const offlineDoc = JSON.parse(offline.stdout) as ResultsDocument;
      assert.deepEqual(offlineDoc.results, liveDoc.results);
      assert.deepEqual(offlineDoc.summary, liveDoc.summary);
      assert.equal(offlineDoc.scan.targets[0]!.type, 'snapshot');
      assert.equal(offlineDoc.scan.targets[0]!.context, 'prod');
      const piped = await run(['snapshot', '--kubeconfig', kubeconfig, '-o', '-']);
      assert.equal(piped.code, 0, piped.stderr);
      const pipedSnapshot = JSON.parse(piped.stdout) as { kind: string; kubeharden: { context: string }; items: unknown[] };
      assert.deepEqual([pipedSnapshot.kind, pipedSnapshot.kubeharden.context, pipedSnapshot.items.length], ['List', 'prod', (JSON.parse(text) as { items: unknown[] }).items.length]);
      // The snapshot is a List: `kubeharden scan` reads it too.
      const scanned = await run(['scan', file, '--format', 'json']);
      assert.equal(scanned.code, 1);
    });
  });

  it('exits 2 and names what could not be read; the snapshot is still written', async () => {
    await withServer({ ...failing(), authorize: (a) => a.resource !== 'secrets' }, async (_server, kubeconfig) => {
      const scan = await run(['cluster', '--kubeconfig', kubeconfig, '--format', 'json']);
      assert.equal(scan.code, 2);
      assert.equal(scan.stderr, 'kubeharden: error: cannot list secrets in all namespaces: 403 Forbidden\n');
      const doc = JSON.parse(scan.stdout) as ResultsDocument;
      const readable = doc.results.find((r) => r.control === 'cluster-readable');
      assert.deepEqual(readable, {
        control: 'cluster-readable',
        title: 'Every resource the scan needs must be readable',
        severity: 'high',
        status: 'error',
        refs: [],
        subject: { type: 'cluster', name: 'prod' },
        message: 'cannot list secrets in all namespaces: 403 Forbidden',
        remediation: readable!.remediation,
      });
      const file = join(dir, 'partial.json');
      const saved = await run(['snapshot', '--kubeconfig', kubeconfig, '-o', file]);
      assert.equal(saved.code, 2);
      assert.match(saved.stderr, /incomplete: 1 could not be read/);
      const offline = await run(['cluster', '--snapshot', file, '--format', 'json']);
      assert.equal(offline.code, 2);
      assert.deepEqual((JSON.parse(offline.stdout) as ResultsDocument).results, doc.results);
    });
  });

  it('scans a kubectl get -A -o yaml dump with --snapshot, and -n filters it', async () => {
    const file = join(dir, 'dump.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: failing().objects }));
    const all = await run(['cluster', '--snapshot', file, '--format', 'json']);
    assert.equal(all.code, 1, all.stderr);
    const fail = (JSON.parse(all.stdout) as ResultsDocument).results.find((r) => r.status === 'fail')!;
    assert.equal(fail.subject.type === 'resource' && fail.subject.file, file);
    assert.equal((await run(['cluster', '--snapshot', file, '--fail-on', 'none'])).code, 0);
    const payments = await run(['cluster', '--snapshot', file, '-n', 'payments', '--format', 'json']);
    assert.equal(payments.code, 0, payments.stderr);
    const namespaces = new Set((JSON.parse(payments.stdout) as ResultsDocument).results.flatMap((r) => r.subject.type === 'resource' && r.subject.namespace ? [r.subject.namespace] : []));
    assert.deepEqual([...namespaces], ['payments'], 'no other namespace\'s objects');
  });

  it('rejects bad arguments and unusable kubeconfigs with exit 2 and a message', async () => {
    await withServer({}, async (_server, kubeconfig) => {
      const cases: [string[], RegExp][] = [
        [['cluster', '--kubeconfig', kubeconfig, '--context', 'staging'], /no context "staging" in the kubeconfig; it has: prod/],
        [['cluster', '--kubeconfig', kubeconfig, '--request-timeout', 'soon'], /--request-timeout must be a duration/],
        [['cluster', '--kubeconfig', kubeconfig, '--chunk-size', '0'], /--chunk-size must be a positive whole number/],
        [['cluster', '--kubeconfig', kubeconfig, '-n', 'shop', '-A'], /cannot be used with/],
        [['cluster', '--kubeconfig', join(dir, 'nope')], /cannot load kubeconfig/],
        [['cluster', '--snapshot', join(dir, 'missing.json'), '--context', 'x'], /--snapshot reads a file/],
        [['snapshot', '--kubeconfig', kubeconfig], /required option '-o, --output <file>'/],
      ];
      for (const [args, message] of cases) {
        const { code, stderr } = await run(args);
        assert.equal(code, 2, args.join(' '));
        assert.match(stderr, message);
      }
    });
    const gone = await startFakeApiServer();
    const kubeconfig = gone.writeKubeconfig(dir);
    await gone.close();
    const { code, stderr, stdout } = await run(['cluster', '--kubeconfig', kubeconfig, '--request-timeout', '2s']);
    assert.equal(code, 2);
    assert.match(stderr, /^kubeharden: cannot reach the API server https:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
    assert.equal(stdout, '');
    const file = join(dir, 'never.json');
    const snapshot = await run(['snapshot', '--kubeconfig', kubeconfig, '-o', file]);
    assert.equal(snapshot.code, 2);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('never.json')), [], 'no snapshot, whole or partial, is left behind');
  });

  it('shows a progress line on stderr when it is a terminal', async (t) => {
    if (spawnSync('script', ['--version']).status !== 0) return t.skip('no script(1) to provide a terminal');
    await withServer(failing(), async (_server, kubeconfig) => {
      const out = join(dir, 'tty.json');
      // script(1) runs the CLI on a pseudo-terminal; what it prints arrives on script's stdout.
      const cli = [process.execPath, CLI, 'cluster', '--kubeconfig', kubeconfig, '--format', 'json', '-o', out].join(' ');
      const { code, stdout } = await run([], ['script', '-qefc', cli, '/dev/null']);
      assert.equal(code, 1);
      assert.ok(stdout.startsWith('\r\u001b[Kreading '), JSON.stringify(stdout));
      assert.match(stdout, /reading \w+: \d+/);
      assert.ok(stdout.endsWith('\r\u001b[K'), 'the line is cleared at the end');
      assert.equal((JSON.parse(readFileSync(out, 'utf8')) as ResultsDocument).schemaVersion, 1);
    });
  });

  it('rbac who-can answers from the live cluster (RBAC kinds only) and from a snapshot', async () => {
    const options = failing();
    options.objects = [
      ...(options.objects as []),
      role('payments', 'deployer', [{ apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete'] }]),
      roleBinding('payments', 'deployer', { kind: 'Role', name: 'deployer' }, [{ kind: 'ServiceAccount', name: 'ci', namespace: 'payments' }]),
    ];
    await withServer(options, async (server, kubeconfig) => {
      const live = await run(['rbac', 'who-can', 'create', 'pods', '-n', 'payments', '--kubeconfig', kubeconfig, '--format', 'json']);
      assert.equal(live.code, 0, live.stderr);
      const answer = JSON.parse(live.stdout) as { target: Record<string, unknown>; subjects: { subject: { kind: string; name: string } }[]; complete: boolean };
      assert.deepEqual(answer.target, { type: 'cluster', context: 'prod', server: server.url });
      assert.equal(answer.complete, true);
      assert.ok(answer.subjects.some((s) => s.subject.kind === 'ServiceAccount' && s.subject.name === 'ci'), live.stdout);
      const listed = new Set(server.requests.map((r) => r.path.split('/').at(-1)));
      assert.deepEqual([...listed].sort(), ['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles', 'version']);
      const file = join(dir, 'rbac-snapshot.json');
      assert.equal((await run(['snapshot', '--kubeconfig', kubeconfig, '-o', file])).code, 0);
      const offline = await run(['rbac', 'who-can', 'create', 'pods', '-n', 'payments', '--snapshot', file, '--format', 'json']);
      assert.equal(offline.code, 0, offline.stderr);
      assert.deepEqual((JSON.parse(offline.stdout) as { subjects: unknown }).subjects, answer.subjects);
    });
  });

  it('reports an unreadable snapshot file as an input error', async () => {
    const { code, stderr } = await run(['cluster', '--snapshot', join(dir, 'missing.json'), '--format', 'json']);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.json: cannot read/);
  });
});
