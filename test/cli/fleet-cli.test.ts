import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResultsDocument } from '../../src/engine/result.js';
import { FLEET_NODE_ANNOTATION } from '../../src/fleet/node-audit-job.js';
import { realNodeLog } from '../fleet/node-log.js';
import { hardenedCluster, KUBELET_CONFIG } from '../support/cluster-objects.js';
import { runCli } from '../support/run-cli.js';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions, type FakeObject } from '../support/fake-apiserver.js';

const run = (args: string[], onSpawn?: (child: ChildProcess) => void) => runCli(args, undefined, onSpawn);

let dir: string;
let nodeLog: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-fleet-cli-'));
  nodeLog = realNodeLog().log;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const nodeOf = (job: FakeObject) => (job.metadata?.annotations as Record<string, string>)[FLEET_NODE_ANNOTATION];
const succeeded = (log: string) => ({ pod: { statuses: [{ phase: 'Succeeded', containerStatuses: [{ name: 'node-audit', state: { terminated: { exitCode: 0 } } }] }], log } });
const UNSCHEDULABLE = '0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) didn\'t match Pod\'s node affinity/selector.';

async function withServer(options: FakeApiServerOptions, body: (server: FakeApiServer, kubeconfig: string) => Promise<void>): Promise<void> {
  const server = await startFakeApiServer({ objects: hardenedCluster(), kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG }, ...options });
  try {
    await body(server, server.writeKubeconfig(dir, { context: 'prod' }));
    assert.deepEqual(server.violations, []);
  } finally {
    await server.close();
  }
}

describe('kubeharden fleet run (the built CLI)', () => {
  it('audits each node with a Job, adds the cluster scan, reports one document, exits 2 when a node was not audited, and deletes its Jobs', async () => {
    await withServer({
      jobs: {
        namespace: 'kubeharden',
        run: (job) => (nodeOf(job) === 'node-1'
          ? succeeded(nodeLog)
          : { pod: { statuses: [{ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: UNSCHEDULABLE }] }] } }),
      },
    }, async (server, kubeconfig) => {
      const { code, stdout, stderr } = await run(['fleet', 'run', '--kubeconfig', kubeconfig, '--timeout', '5s', '--poll-interval', '10ms', '-f', 'json']);
      assert.equal(code, 2, stderr);
      const doc = JSON.parse(stdout) as ResultsDocument;
      const fleet = doc.results.filter((r) => r.control === 'fleet-node-audited').map((r) => [r.subject, r.status]);
      assert.deepEqual(fleet, [
        [{ type: 'component', kind: 'Node', node: 'cp-1' }, 'error'],
        [{ type: 'component', kind: 'Node', node: 'node-1' }, 'pass'],
      ]);
      assert.equal(doc.results.find((r) => r.control === 'fleet-node-audited' && r.status === 'error')!.message, `node cp-1 was not audited: the pod cannot be scheduled on the node: ${UNSCHEDULABLE}`);
      assert.deepEqual(doc.scan.targets.map((t) => `${t.type} ${String(t.node ?? t.context)}`), ['cluster prod', 'node node-1']);
      const firstPost = server.requests.findIndex((r) => r.method === 'POST');
      assert.ok(server.requests.findLastIndex((r) => r.path.startsWith('/apis/apps/')) < firstPost, 'the cluster scan runs before the Jobs exist');
      assert.ok(doc.results.some((r) => r.subject.type === 'resource' && r.subject.name === 'web'), 'the cluster scan is in it');
      assert.ok(doc.results.some((r) => r.subject.type === 'file' && r.subject.node === 'node-1'), 'the node audit is in it');
      assert.match(stderr, /^kubeharden: fleet: auditing 2 nodes with Jobs labelled kubeharden\.io\/run=\w+ in namespace kubeharden \(2 at once, 5s each\)$/m);
      assert.match(stderr, /^kubeharden: fleet: cp-1: not audited: the pod cannot be scheduled/m);
      assert.match(stderr, /^kubeharden: fleet: deleted 2 of 2 Jobs of this run\nkubeharden: fleet: 1 of 2 nodes audited; not audited: cp-1$/m);
      assert.doesNotMatch(stdout, /kubeharden: fleet|hunter2|PRIVATE KEY/);
      assert.deepEqual(server.writes.map((w) => w.method).sort(), ['DELETE', 'DELETE', 'POST', 'POST']);
      for (const write of server.writes.filter((w) => w.method === 'DELETE')) assert.equal(write.query.propagationPolicy, 'Background');
    });
  });

  it('--tolerate-all --no-cluster-scan: only the nodes, all audited; table output', async () => {
    await withServer({ jobs: { namespace: 'audit', run: () => succeeded(nodeLog) } }, async (server, kubeconfig) => {
      const { code, stdout, stderr } = await run(['fleet', 'run', '--kubeconfig', kubeconfig, '-n', 'audit', '--tolerate-all', '--image-pull-secret', 'regcred', '--no-cluster-scan', '--poll-interval', '10ms', '--fail-on', 'none', '--show-passed']);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /fleet-node-audited/);
      assert.match(stderr, /^kubeharden: fleet: cp-1: audited \(\d+ pass, \d+ fail, 0 error\)$/m);
      assert.ok(server.requests.every((r) => !r.path.startsWith('/apis/apps')), 'no cluster scan');
      for (const write of server.writes.filter((w) => w.method === 'POST')) {
        assert.equal(write.path, '/apis/batch/v1/namespaces/audit/jobs');
        const spec = (write.body as { spec: { template: { spec: { tolerations: unknown; imagePullSecrets: unknown } } } }).spec.template.spec;
        assert.deepEqual(spec.tolerations, [{ operator: 'Exists' }]);
        assert.deepEqual(spec.imagePullSecrets, [{ name: 'regcred' }]);
      }
    });
  });

  it('Ctrl-C: stops, deletes the Jobs it created and exits 130 without a report', async () => {
    let child: ChildProcess | undefined;
    await withServer({
      jobs: {
        namespace: 'kubeharden',
        run: () => {
          // The first Job exists: interrupt the run while it waits for the pod.
          child?.kill('SIGINT');
          return { pod: { statuses: [{ phase: 'Running' }] } };
        },
      },
    }, async (server, kubeconfig) => {
      const { code, stdout, stderr } = await run(['fleet', 'run', '--kubeconfig', kubeconfig, '--parallelism', '1', '--poll-interval', '10ms'], (c) => (child = c));
      assert.equal(code, 130, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /SIGINT: stopping; deleting this run's Jobs/);
      assert.match(stderr, /interrupted; 1 Job\(s\) deleted/);
      assert.deepEqual(server.writes.map((w) => w.method), ['POST', 'DELETE']);
    });
  });

  it('rejects bad arguments with exit 2 before touching the cluster', async () => {
    for (const [args, message] of [
      [['--timeout', 'soon'], /--timeout must be a duration/],
      [['--parallelism', '0'], /--parallelism must be a positive whole number/],
      [['--node-selector', 'a=b=c'], /--node-selector "a=b=c" is not a label selector/],
    ] as const) {
      const { code, stderr } = await run(['fleet', 'run', '--kubeconfig', join(dir, 'missing'), ...args]);
      assert.equal(code, 2);
      assert.match(stderr, message);
    }
  });
});
