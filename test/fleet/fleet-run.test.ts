import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mergeDocuments } from '../../src/engine/merge.js';
import type { Result, ResultsDocument } from '../../src/engine/result.js';
import { KubeFleetApi } from '../../src/fleet/fleet-api.js';
import { FleetAbortedError, FleetError, fleetDocuments, runFleet, type FleetRunOptions } from '../../src/fleet/fleet-run.js';
import { FLEET_NODE_ANNOTATION, FLEET_RUN_LABEL, nodeAuditJobName } from '../../src/fleet/node-audit-job.js';
import { KubeApiClient } from '../../src/sources/cluster/api-client.js';
import { loadKubeconfig } from '../../src/sources/cluster/kubeconfig.js';
import { node } from '../support/cluster-objects.js';
import { realNodeLog } from './node-log.js';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions, type FakeJobPod, type FakeObject } from '../support/fake-apiserver.js';

const NS = 'kubeharden';
const RUN = 'rtest1';

let dir: string;
/** The pod log of a real node audit: `kubeharden node --root <kubeadm worker> --format json`, stderr lines first. */
let nodeLog: string;
let nodeDocument: ResultsDocument;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-fleet-'));
  ({ log: nodeLog, document: nodeDocument } = realNodeLog());
});
after(() => rmSync(dir, { recursive: true, force: true }));

const terminated = (exitCode: number, reason?: string) => ({ name: 'node-audit', state: { terminated: { exitCode, ...(reason ? { reason } : {}) } } });
const scheduled = { type: 'PodScheduled', status: 'True' };
const creating = { phase: 'Pending', conditions: [scheduled], containerStatuses: [{ name: 'node-audit', state: { waiting: { reason: 'ContainerCreating' } } }] };
const running = { phase: 'Running', conditions: [scheduled], containerStatuses: [{ name: 'node-audit', state: { running: {} } }] };
const TAINT_MESSAGE = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

/** What each node's Job does, by node name. */
const SCENARIOS: Record<string, FakeJobPod | undefined> = {
  'ok-1': { statuses: [creating, running, { phase: 'Succeeded', containerStatuses: [terminated(0)] }], log: '' },
  // Exit 2: the audit finished with error results in its document; the document is what counts.
  'ok-exit-2': { statuses: [{ phase: 'Failed', containerStatuses: [terminated(2, 'Error')] }], log: '' },
  'oom': { statuses: [running, { phase: 'Failed', containerStatuses: [terminated(137, 'OOMKilled')] }], log: '' },
  'slow': { statuses: [running] },
  'cp-1': { statuses: [{ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: TAINT_MESSAGE }] }] },
  'pull': { statuses: [creating, { phase: 'Pending', conditions: [scheduled], containerStatuses: [{ name: 'node-audit', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example/kubeharden:0.1.0"' } } }] }] },
  'garbled': { statuses: [{ phase: 'Succeeded', containerStatuses: [terminated(0)] }], log: '' },
  'no-pod': undefined,
};

function taintedNode(name: string, taint: { key: string; effect: string }, unschedulable = false): FakeObject {
  const object = node(name);
  return { ...object, spec: { ...(object.spec as object), taints: [taint], ...(unschedulable ? { unschedulable: true } : {}) } };
}

function jobsOption(logs: Record<string, string>, overrides: Record<string, FakeJobPod | undefined> = {}): FakeApiServerOptions['jobs'] {
  return {
    namespace: NS,
    run: (job) => {
      const nodeName = (job.metadata?.annotations as Record<string, string>)[FLEET_NODE_ANNOTATION]!;
      const scenario = nodeName in overrides ? overrides[nodeName] : SCENARIOS[nodeName];
      return scenario ? { pod: { ...scenario, log: logs[nodeName] ?? scenario.log } } : {};
    },
  };
}

async function withFleet(options: FakeApiServerOptions, body: (server: FakeApiServer, api: KubeFleetApi) => Promise<void>): Promise<void> {
  const server = await startFakeApiServer(options);
  const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) })).kubeConfig, { retries: 0 });
  try {
    await body(server, new KubeFleetApi(client));
  } finally {
    client.close();
    await server.close();
  }
}

const fast = (extra: Partial<FleetRunOptions> = {}): FleetRunOptions => ({
  namespace: NS, image: 'registry.example/kubeharden:0.1.0', timeoutMs: 300, parallelism: 3, runId: RUN, pollMs: 5, maxPollMs: 20, ...extra,
});

/** Every write was a Job create in NS, or a Background delete of a Job this run created; each created Job was deleted. */
function assertCreatedAndDeleted(server: FakeApiServer, expectedNodes: string[]): void {
  const created = server.writes.filter((w) => w.method === 'POST').map((w) => (w.body as FakeObject).metadata!.name!);
  assert.deepEqual([...created].sort(), expectedNodes.map((n) => nodeAuditJobName(n, RUN)).sort());
  for (const write of server.writes.filter((w) => w.method === 'POST')) assert.equal(write.path, `/apis/batch/v1/namespaces/${NS}/jobs`);
  const deleted = server.writes.filter((w) => w.method === 'DELETE');
  assert.deepEqual(deleted.map((w) => w.path).sort(), created.map((name) => `/apis/batch/v1/namespaces/${NS}/jobs/${name}`).sort());
  for (const write of deleted) assert.deepEqual(write.query, { propagationPolicy: 'Background' });
  assert.equal(server.writes.length, created.length + deleted.length);
  assert.deepEqual(server.violations, []);
}

const fleetResults = (document: ResultsDocument) =>
  Object.fromEntries(document.results.filter((r) => r.control === 'fleet-node-audited').map((r) => [(r.subject as { node: string }).node, `${r.status}: ${r.message}`]));

describe('runFleet against the loopback API server', () => {
  it('reports every listed node: audited nodes with their results, the others as fleet-node-audited errors with the reason', async () => {
    const names = Object.keys(SCENARIOS);
    const objects = names.map((n) => (n === 'cp-1' ? taintedNode(n, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }) : node(n)));
    const half = nodeLog.slice(0, Math.floor(nodeLog.length / 2));
    await withFleet({ objects, jobs: jobsOption({ 'ok-1': nodeLog, 'ok-exit-2': nodeLog, garbled: half }) }, async (server, api) => {
      const lines: string[] = [];
      const run = await runFleet(api, fast({ progress: (line) => lines.push(line) }));
      const merged = mergeDocuments(fleetDocuments(run, '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z'));
      const job = (n: string) => nodeAuditJobName(n, RUN);
      const podOf = (n: string) => server.requests.find((r) => r.path.endsWith('/log') && r.path.includes(job(n)))!.path.split('/')[6];
      const got = fleetResults(merged);
      assert.deepEqual(Object.keys(got).sort(), [...names].sort());
      const { slow, garbled, ...exact } = got;
      assert.deepEqual(exact, {
        'ok-1': `pass: node ok-1 was audited: its results are from pod ${NS}/${podOf('ok-1')}`,
        'ok-exit-2': `pass: node ok-exit-2 was audited: its results are from pod ${NS}/${podOf('ok-exit-2')}`,
        oom: 'error: node oom was not audited: the node audit exited with code 137 (OOMKilled), and its log holds no results',
        'cp-1': `error: node cp-1 was not audited: the pod cannot be scheduled on the node: ${TAINT_MESSAGE} (node taints node-role.kubernetes.io/control-plane:NoSchedule; --tolerate-all tolerates them)`,
        pull: 'error: node pull was not audited: container node-audit cannot start: ImagePullBackOff: Back-off pulling image "registry.example/kubeharden:0.1.0"',
        'no-pod': `error: node no-pod was not audited: timed out after 300ms: the Job created no pod (kubectl -n ${NS} describe job ${job('no-pod')})`,
      });
      assert.match(slow!, new RegExp(`^error: node slow was not audited: timed out after 300ms: pod ${job('slow')}-\\w{5} Running$`));
      assert.match(garbled!, new RegExp(`^error: node garbled was not audited: pod ${job('garbled')}-\\w{5} succeeded but the pod log: not JSON \\(.+\\) \\(\\d+ bytes\\)$`));
      // The audited nodes' own results, each named by its Kubernetes node (the fixture's hostname is worker1).
      for (const name of ['ok-1', 'ok-exit-2']) {
        const own = merged.results.filter((r) => r.control !== 'fleet-node-audited' && 'node' in r.subject && r.subject.node === name);
        assert.equal(own.length, nodeDocument.results.filter((r) => r.subject.type === 'component' || r.subject.type === 'file').length, name);
        assert.deepEqual(own.map((r) => `${r.control} ${r.status}`).sort(), nodeDocument.results.filter((r) => r.subject.type !== 'input').map((r) => `${r.control} ${r.status}`).sort());
      }
      assert.equal(merged.results.filter((r) => 'node' in r.subject && r.subject.node === 'worker1').length, 0);
      assert.equal(merged.scan.targets.filter((t) => t.type === 'node').map((t) => t.node).sort().join(), 'ok-1,ok-exit-2');
      assert.deepEqual(run.notDeleted, []);
      assertCreatedAndDeleted(server, names);
      // Nothing of the run is left: Jobs and (Background propagation) their pods.
      const left = await api.listPods(NS, `${FLEET_RUN_LABEL}=${RUN}`);
      assert.deepEqual(left, []);
      assert.equal(await api.getJob(NS, job('ok-1')), undefined);
      assert.ok(lines.some((l) => l.startsWith('auditing 8 nodes with Jobs labelled kubeharden.io/run=rtest1 in namespace kubeharden (3 at once, 300ms each)')), lines.join('\n'));
      assert.ok(lines.includes('deleted 8 of 8 Jobs of this run'), lines.join('\n'));
    });
  });

  it('creates Jobs pinned to each node by name, labelled with the run id, tolerating nothing unless --tolerate-all', async () => {
    const objects = [taintedNode('cordoned', { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, true), node('ok-1')];
    const cordonedPod: FakeJobPod = { statuses: [{ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available: 1 node(s) were unschedulable, 1 node(s) didn\'t match Pod\'s node affinity/selector.' }] }] };
    await withFleet({ objects, jobs: jobsOption({ 'ok-1': nodeLog }, { cordoned: cordonedPod }) }, async (server, api) => {
      const run = await runFleet(api, fast());
      assert.match(fleetResults(mergeDocuments(fleetDocuments(run, 'a', 'b'))).cordoned!, /were unschedulable, .*\(the node is cordoned; --tolerate-all audits it anyway\)$/);
      const job = server.writes.find((w) => w.method === 'POST' && (w.body as FakeObject).metadata?.name === nodeAuditJobName('cordoned', RUN))!.body as {
        metadata: { labels: Record<string, string> };
        spec: { activeDeadlineSeconds: number; template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> } };
      };
      assert.equal(job.metadata.labels[FLEET_RUN_LABEL], RUN);
      assert.equal(job.spec.template.metadata.labels[FLEET_RUN_LABEL], RUN);
      assert.equal(job.spec.activeDeadlineSeconds, 1);
      assert.deepEqual(job.spec.template.spec.affinity, {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['cordoned'] }] }] } },
      });
      assert.equal(job.spec.template.spec.tolerations, undefined);
      assertCreatedAndDeleted(server, ['cordoned', 'ok-1']);
    });
    await withFleet({ objects, jobs: jobsOption({ 'ok-1': nodeLog, cordoned: nodeLog }, { cordoned: SCENARIOS['ok-1'] }) }, async (server, api) => {
      const run = await runFleet(api, fast({ tolerateAll: true, nodeSelector: 'kubernetes.io/os=linux' }));
      assert.deepEqual(Object.values(fleetResults(mergeDocuments(fleetDocuments(run, 'a', 'b')))).map((m) => m.split(':')[0]), ['pass', 'pass']);
      for (const write of server.writes.filter((w) => w.method === 'POST')) {
        assert.deepEqual((write.body as { spec: { template: { spec: { tolerations: unknown } } } }).spec.template.spec.tolerations, [{ operator: 'Exists' }]);
      }
      assert.ok(server.requests.some((r) => r.path === '/api/v1/nodes' && r.query.labelSelector === 'kubernetes.io/os=linux'));
      assertCreatedAndDeleted(server, ['cordoned', 'ok-1']);
    });
  });

  it('lists nodes page by page and audits only those the selector matches; no match is a FleetError', async () => {
    const objects = [...Array.from({ length: 3 }, (_, i) => node(`ok-${i}`)), { ...node('gpu-1'), metadata: { name: 'gpu-1', labels: { pool: 'gpu' } } }];
    await withFleet({ objects, jobs: jobsOption({}, { 'ok-0': undefined, 'ok-1': undefined, 'ok-2': undefined, 'gpu-1': undefined }) }, async (server, api) => {
      const paged = new KubeFleetApi((api as unknown as { client: KubeApiClient }).client, 3);
      assert.deepEqual((await paged.listNodes()).map((n) => n.name), ['ok-0', 'ok-1', 'ok-2', 'gpu-1']);
      assert.deepEqual(server.requests.filter((r) => r.path === '/api/v1/nodes').map((r) => [r.query.limit, r.query.continue !== undefined]), [['3', false], ['3', true]]);
      await assert.rejects(runFleet(api, fast({ nodeSelector: 'pool=none' })), (e: unknown) => e instanceof FleetError && e.message === 'no node matches --node-selector pool=none');
      const run = await runFleet(api, fast({ nodeSelector: 'pool=gpu', timeoutMs: 30 }));
      assert.deepEqual(run.nodes.map((n) => n.node), ['gpu-1']);
      assertCreatedAndDeleted(server, ['gpu-1']);
    });
  });

  it('reports a node deleted during the run, and a Job that failed with no pod left', async () => {
    await withFleet({ objects: [node('gone'), node('deadline')], jobs: {
      namespace: NS,
      run: (job) => ((job.metadata?.annotations as Record<string, string>)[FLEET_NODE_ANNOTATION] === 'deadline'
        ? { jobStatus: { conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }] } }
        : { pod: { statuses: [{ phase: 'Failed', reason: 'NodeLost', message: 'node gone was deleted' }] } }),
    } }, async (server, api) => {
      const nodes = await api.listNodes();
      assert.equal(nodes.length, 2);
      const gone = new Set<string>();
      const racing: KubeFleetApi = Object.assign(Object.create(api) as KubeFleetApi, {
        listNodes: () => Promise.resolve(nodes),
        nodeExists: (name: string) => Promise.resolve(!gone.has(name) && name !== 'gone'),
      });
      const run = await runFleet(racing, fast());
      assert.deepEqual(fleetResults(mergeDocuments(fleetDocuments(run, 'a', 'b'))), {
        gone: 'error: node gone was not audited: the node was deleted during the run (the pod failed: NodeLost: node gone was deleted)',
        deadline: `error: node deadline was not audited: Job ${NS}/${nodeAuditJobName('deadline', RUN)} failed with no pod left: DeadlineExceeded: Job was active longer than specified deadline`,
      });
      assertCreatedAndDeleted(server, ['gone', 'deadline']);
    });
  });

  it('stops on abort (Ctrl-C): starts no more Jobs and deletes those it created', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const controller = new AbortController();
    let podLists = 0;
    await withFleet({
      objects: names.map((n) => node(n)),
      jobs: jobsOption({}, Object.fromEntries(names.map((n) => [n, { statuses: [running] }]))),
      // Abort once the two first Jobs have been polled a few times (observed, not timed).
      faults: [{ match: (attributes) => {
        if (attributes.resource === 'pods' && attributes.verb === 'list' && ++podLists === 6) controller.abort();
        return false;
      } }],
    }, async (server, api) => {
      await assert.rejects(runFleet(api, fast({ parallelism: 2, timeoutMs: 60_000, signal: controller.signal })), (e: unknown) => e instanceof FleetAbortedError && e.message === 'interrupted; 2 Job(s) deleted');
      assertCreatedAndDeleted(server, ['a', 'b']);
    });
  });

  it('--keep-jobs leaves the Jobs', async () => {
    await withFleet({ objects: [node('ok-1')], jobs: jobsOption({ 'ok-1': nodeLog }) }, async (server, api) => {
      const run = await runFleet(api, fast({ keepJobs: true }));
      assert.equal(run.nodes.length, 1);
      assert.deepEqual(server.writes.map((w) => w.method), ['POST']);
      assert.ok(await api.getJob(NS, nodeAuditJobName('ok-1', RUN)));
    });
  });

  it('a Job that cannot be created is that node\'s error, not a crash', async () => {
    await withFleet({
      objects: [node('ok-1')],
      jobs: jobsOption({ 'ok-1': nodeLog }),
      authorize: (request) => !(request.resource === 'jobs' && request.verb === 'create'),
    }, async (server, api) => {
      const run = await runFleet(api, fast());
      const result = (run.nodes[0] as { notAudited: Result }).notAudited;
      assert.equal(result.message, `node ok-1 was not audited: cannot create Job ${NS}/${nodeAuditJobName('ok-1', RUN)}: 403 Forbidden: jobs is forbidden: cannot create resource "jobs" (grant the kubeharden-fleet Role of deploy/kubeharden.yaml)`);
      assert.deepEqual(run.jobs, []);
      assert.deepEqual(server.writes, []);
      assert.deepEqual(server.violations, []);
    });
  });
});

describe('the fake API server without the jobs opt-in', () => {
  it('still records any write as a violation', async () => {
    await withFleet({ objects: [node('ok-1')] }, async (server, api) => {
      const run = await runFleet(api, fast());
      assert.match((run.nodes[0] as { notAudited: Result }).notAudited.message, /cannot create Job .*405/);
      assert.equal(server.violations.length, 1);
      assert.match(server.violations[0]!, /^POST \/apis\/batch\/v1\/namespaces\/kubeharden\/jobs: the scanner must only read$/);
    });
  });
});
