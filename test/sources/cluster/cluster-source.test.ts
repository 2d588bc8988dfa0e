import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CATALOG } from '../../../src/controls/catalog.js';
import { effectiveSetting } from '../../../src/evidence/component-config/config.js';
import { objectComponents } from '../../../src/evidence/component-config/pod.js';
import { exitCodeFor } from '../../../src/engine/exit-code.js';
import type { Result } from '../../../src/engine/result.js';
import { scanCluster } from '../../../src/engine/scan-cluster.js';
import { subjectLabel } from '../../../src/report/subject-label.js';
import { KubeApiClient, type ApiClientOptions } from '../../../src/sources/cluster/api-client.js';
import { ClusterUnreachableError, collectCluster, type ClusterItem, type CollectOptions } from '../../../src/sources/cluster/collect.js';
import { KubeconfigError, loadKubeconfig } from '../../../src/sources/cluster/kubeconfig.js';
import { openSnapshot, writeSnapshot } from '../../../src/sources/cluster/snapshot.js';
import {
  container,
  cronJob,
  daemonSet,
  deployment,
  hardenedCluster,
  jobOf,
  KUBELET_CONFIG,
  namespace,
  node,
  pod,
  podOf,
  podSpec,
  replicaSet,
  secret,
  staticPod,
} from '../../support/cluster-objects.js';
import { continueTokenFor, startFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from '../../support/fake-apiserver.js';

const FAST: Partial<ApiClientOptions> = { timeoutMs: 20_000, retries: 3, backoffMs: 5, maxBackoffMs: 20, concurrency: 4 };

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-cluster-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a server, collects through the real client library, and stops the server. */
async function collect(
  serverOptions: FakeApiServerOptions,
  options: CollectOptions = {},
  clientOptions: Partial<ApiClientOptions> = {},
): Promise<{ items: ClusterItem[]; server: FakeApiServer }> {
  const server = await startFakeApiServer(serverOptions);
  try {
    const { kubeConfig } = await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) });
    const client = new KubeApiClient(kubeConfig, { ...FAST, ...clientOptions });
    const items: ClusterItem[] = [];
    try {
      for await (const item of collectCluster(client, options)) items.push(item);
    } finally {
      client.close();
    }
    assert.deepEqual(server.violations, []);
    return { items, server };
  } finally {
    await server.close();
  }
}

async function scan(items: ClusterItem[], ownersFirst = true) {
  return scanCluster(items, { controls: CATALOG, clusterName: 'fake', ownersFirst, complete: ownersFirst });
}

const labels = (results: Result[]) => results.map((r) => `${r.control} ${r.status} ${subjectLabel(r.subject)}`);
const objectsOf = (items: ClusterItem[]) => items.flatMap((i) => (i.type === 'object' ? [i.item.object] : []));
const errorsOf = (items: ClusterItem[]) => items.flatMap((i) => (i.type === 'error' ? [i.error.message] : []));

describe('cluster source against a loopback API server', () => {
  it('reads a hardened cluster: every kind, secrets as metadata only, no fail, no error', async () => {
    const { items, server } = await collect({ objects: hardenedCluster(), kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG } });
    assert.deepEqual(errorsOf(items), []);
    assert.deepEqual(items[0], { type: 'version', version: { gitVersion: 'v1.30.4', major: '1', minor: '30', platform: 'linux/amd64' } });
    const kinds = new Set(objectsOf(items).map((o) => o.kind));
    for (const kind of ['Namespace', 'Node', 'ServiceAccount', 'Secret', 'ClusterRole', 'Role', 'RoleBinding', 'NetworkPolicy',
      'ValidatingWebhookConfiguration', 'CronJob', 'Job', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Pod', 'KubeletConfiguration']) {
      assert.ok(kinds.has(kind), `collected ${kind}`);
    }
    // Items of a list carry no apiVersion/kind on the wire; the source restores them.
    const ledger = objectsOf(items).find((o) => o.kind === 'StatefulSet')!;
    assert.equal(ledger.apiVersion, 'apps/v1');
    assert.equal(ledger.metadata?.managedFields, undefined, 'managedFields dropped');

    // Secrets: requested as PartialObjectMetadata only (the server would have recorded a violation), never any value.
    const secretRequests = server.requests.filter((r) => r.path.endsWith('/secrets'));
    assert.equal(secretRequests.length, 1);
    assert.equal(secretRequests[0]!.accept, 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1');
    const secrets = objectsOf(items).filter((o) => o.kind === 'Secret');
    assert.deepEqual(secrets.map((s) => Object.keys(s).sort()), [['apiVersion', 'kind', 'metadata'], ['apiVersion', 'kind', 'metadata']]);
    const all = JSON.stringify(items);
    assert.ok(!all.includes('hunter2') && !all.includes(Buffer.from('hunter2-do-not-print').toString('base64')), 'no secret value');
    assert.ok(!all.includes('secret-key-material'), 'no secret value');
    assert.ok(all.includes('(redacted by kubeharden'), 'the last-applied copy of secret data is redacted');
    assert.ok(server.requests.every((r) => r.method === 'GET'));

    const kubelet = objectsOf(items).filter((o) => o.kind === 'KubeletConfiguration');
    assert.deepEqual(kubelet.map((o) => [o.apiVersion, o.metadata?.name, o.readOnlyPort]), [
      ['kubelet.config.k8s.io/v1beta1', 'cp-1', 0],
      ['kubelet.config.k8s.io/v1beta1', 'node-1', 0],
    ]);
    // Each node's configz is the kubelet's effective configuration for the kubelet controls.
    const [component] = objectComponents({ object: kubelet[0]! });
    assert.equal(component?.config.kind, 'kubelet');
    assert.equal(effectiveSetting(component!.config, 'read-only-port').value, 0);
    assert.equal(effectiveSetting(component!.config, 'anonymous-auth').value, false);
    assert.equal(effectiveSetting(component!.config, 'authorization-mode').value, 'Webhook');

    const { results, serverVersion } = await scan(items);
    assert.equal(serverVersion?.gitVersion, 'v1.30.4');
    // `manual` asks a person (e.g. who holds system:masters certificates); nothing fails, nothing is unreadable.
    assert.deepEqual(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.control} ${r.status} ${subjectLabel(r.subject)}: ${r.message}`), []);
    assert.ok(results.some((r) => r.status === 'pass'));
    assert.equal(exitCodeFor(results, 'low'), 0);
    const live = results.find((r) => r.subject.type === 'resource' && r.subject.kind === 'Deployment')!;
    assert.deepEqual(live.subject, { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app' },
      'a live object has no file or line');
  });

  it('reports a failing cluster: a privileged container in a naked pod and in a DaemonSet', async () => {
    const privileged = podSpec([container('app'), container('debug', { privileged: true })]);
    const { items } = await collect({ objects: [namespace('kube-system', {}), namespace('shop'), pod('shop', 'debug-pod', privileged), daemonSet('kube-system', 'node-exporter', privileged)] });
    const { results } = await scan(items);
    assert.deepEqual(labels(results.filter((r) => r.status === 'fail' && r.control === 'privileged-container')), [
      'privileged-container fail DaemonSet kube-system/node-exporter [debug]',
      'privileged-container fail Pod shop/debug-pod [debug]',
    ]);
    assert.deepEqual(labels(results.filter((r) => r.status === 'error')), []);
    assert.equal(exitCodeFor(results, 'low'), 1);
  });

  it('reads ConfigMaps with their data: a credential in one fails credentials-in-configmap without its value', async () => {
    const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'shop', name, uid: `cm-${name}` }, data });
    const { items } = await collect({
      objects: [
        namespace('shop'),
        configMap('web-settings', { LOG_LEVEL: 'info', 'nginx.conf': 'worker_processes 2;\n' }),
        configMap('db-settings', { DB_HOST: 'db.shop.svc', DB_PASSWORD: 'Sup3rS3cret-pw' }),
      ],
    });
    const { results } = await scan(items);
    assert.deepEqual(labels(results.filter((r) => r.control === 'credentials-in-configmap')), [
      'credentials-in-configmap pass ConfigMap shop/web-settings',
      'credentials-in-configmap fail ConfigMap shop/db-settings',
    ]);
    assert.ok(!JSON.stringify(results).includes('Sup3rS3cret-pw'), 'the value is never reported');
  });

  it('reports a pod once, through its collected owner', async () => {
    const privileged = podSpec([container('app', { privileged: true })]);
    const web = deployment('shop', 'web', privileged);
    const rs = replicaSet(web);
    const naked = deployment('shop', 'naked-rs-parent', privileged);
    const orphanRs = { ...replicaSet(naked, 'abc123'), metadata: { ...replicaSet(naked, 'abc123').metadata, ownerReferences: undefined } };
    const cron = cronJob('shop', 'backup', privileged);
    const job = jobOf(cron, '123');
    const { items } = await collect({
      objects: [
        namespace('shop'), node('cp-1'),
        web, rs, podOf(rs, 'a'), podOf(rs, 'b'),
        orphanRs, podOf(orphanRs, 'c'),
        cron, job, podOf(job, 'd'),
        pod('shop', 'naked', privileged),
        // Owned by a kind the scan does not collect: reported itself.
        pod('shop', 'rollout-pod', privileged, [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: 'wf', uid: 'u', controller: true }]),
        staticPod('cp-1', 'kube-apiserver', ['kube-apiserver', '--anonymous-auth=false']),
      ],
    });
    const { results } = await scan(items);
    assert.deepEqual(labels(results.filter((r) => r.control === 'privileged-container')), [
      'privileged-container fail CronJob shop/backup [app]',
      'privileged-container fail Deployment shop/web [app]',
      'privileged-container fail ReplicaSet shop/naked-rs-parent-abc123 [app]',
      'privileged-container fail Pod shop/naked [app]',
      'privileged-container fail Pod shop/rollout-pod [app]',
      // A static pod's mirror is owned by its Node, which runs no pod template: reported itself.
      'privileged-container pass Pod kube-system/kube-apiserver-cp-1 [kube-apiserver]',
    ]);
  });

  it('feeds control-plane pods from kube-system to the component controls, pointing at the flag', async () => {
    const { items } = await collect({
      objects: [namespace('kube-system', {}), node('cp-1'),
        staticPod('cp-1', 'kube-apiserver', ['kube-apiserver', '--anonymous-auth=true', '--authorization-mode=Node,RBAC'])],
    });
    const { results } = await scan(items);
    const anonymous = results.filter((r) => r.control === 'apiserver-anonymous-auth');
    assert.deepEqual(labels(anonymous), ['apiserver-anonymous-auth fail Pod kube-system/kube-apiserver-cp-1 [kube-apiserver]']);
  });

  it('keeps pods whose owner could not be listed, and reports what could not be read as errors, never pass', async () => {
    const web = deployment('shop', 'web');
    const rs = replicaSet(web);
    const { items } = await collect({
      objects: [namespace('shop'), web, rs, podOf(rs, 'a'), secret('shop', 's', { k: 'v' })],
      authorize: (a) => a.resource !== 'secrets' && a.resource !== 'replicasets' && a.resource !== 'statefulsets',
    });
    assert.deepEqual(errorsOf(items), [
      'cannot list secrets in all namespaces: 403 Forbidden',
      'cannot list replicasets in all namespaces: 403 Forbidden',
      'cannot list statefulsets in all namespaces: 403 Forbidden',
    ]);
    const { results } = await scan(items);
    const errors = results.filter((r) => r.status === 'error');
    const ours = errors.filter((r) => r.control === 'cluster-readable' || r.control === 'privileged-container');
    assert.deepEqual(labels(ours), [
      'cluster-readable error cluster fake',
      'cluster-readable error cluster fake',
      'privileged-container error cluster fake',
      'cluster-readable error cluster fake',
      'privileged-container error cluster fake',
    ]);
    // An inventory control that needs a kind that could not be listed judges nothing: one error, no verdict.
    const token = results.filter((r) => r.control === 'service-account-token-automount');
    assert.deepEqual(token.map((r) => r.status), ['error']);
    assert.match(token[0]!.message, /ReplicaSet: cannot list replicasets in all namespaces: 403 Forbidden/);
    // A control over the whole set of objects that needed an unreadable kind reports only the error:
    // the absence of what it could not see must not decide a pass (or a fail).
    const inventoryNeedingWorkloads = CATALOG.filter((c) => c.scope === 'inventory' && c.kinds.includes('Workload')).map((c) => c.id);
    assert.ok(inventoryNeedingWorkloads.length > 0);
    for (const id of inventoryNeedingWorkloads) {
      assert.deepEqual([...new Set(results.filter((r) => r.control === id).map((r) => r.status))], ['error'], id);
    }
    assert.equal(ours[0]!.message, 'cannot list secrets in all namespaces: 403 Forbidden');
    assert.match(ours[2]!.message, /^not evaluated on every ReplicaSet: cannot list replicasets in all namespaces: 403 Forbidden$/);
    // The pod's ReplicaSet was not collected, so the pod is reported itself.
    assert.ok(labels(results).includes('privileged-container pass Pod shop/web-7d9c8b6f5-a [app]'));
    assert.equal(exitCodeFor(results, 'none'), 2);
  });

  it('retries 500 and 429 (honouring Retry-After), bounded', async () => {
    const { items, server } = await collect(
      {
        objects: hardenedCluster(),
        kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG },
        faults: [
          { match: (a) => a.resource === 'deployments', status: 500, times: 2 },
          { match: (a) => a.resource === 'pods', status: 429, retryAfter: '0', times: 1 },
          { match: (a) => a.resource === 'roles', status: 503 },
        ],
      },
      {},
      { timeoutMs: 30_000, retries: 2 },
    );
    assert.deepEqual(errorsOf(items), ['cannot list roles in all namespaces: 503 Service Unavailable']);
    const attempts = (resource: string) => server.requests.filter((r) => r.path.endsWith(`/${resource}`)).map((r) => r.status);
    assert.deepEqual(attempts('deployments'), [500, 500, 200]);
    assert.deepEqual(attempts('pods'), [429, 200]);
    assert.deepEqual(attempts('roles'), [503, 503, 503], 'bounded: 1 try + 2 retries');
    assert.equal(objectsOf(items).filter((o) => o.kind === 'Deployment').length, 1);
    assert.equal(objectsOf(items).filter((o) => o.kind === 'Pod').length, 4);
  });

  it('gives up on a list that does not answer within the timeout, naming it', async () => {
    // The reply would come after a minute; closing the server ends the wait.
    const { items, server } = await collect(
      { objects: hardenedCluster(), faults: [{ match: (a) => a.resource === 'networkpolicies', delayMs: 60_000 }] },
      {},
      { timeoutMs: 1000, retries: 1 },
    );
    assert.deepEqual(errorsOf(items).filter((e) => e.includes('networkpolicies')), ['cannot list networkpolicies in all namespaces: timed out after 1s']);
    // Logged when the server closed, with status 0: no reply was ever sent; 1 try + 1 retry.
    assert.deepEqual(server.requests.filter((r) => r.path.endsWith('/networkpolicies')).map((r) => r.status), [0, 0]);
    assert.equal(objectsOf(items).filter((o) => o.kind === 'NetworkPolicy').length, 0);
  });

  it('keeps at most --concurrency requests in flight', async () => {
    const { server } = await collect(
      { objects: hardenedCluster(), faults: [{ match: (a) => a.verb === 'list', delayMs: 100 }] },
      {},
      { concurrency: 2 },
    );
    assert.equal(server.maxInFlight, 2);
  });

  it('goes on from the token a 410 Gone offers when a continue token expired mid-list', async () => {
    const objects = [0, 1, 2, 3, 4].map((i) => pod('shop', `p${i}`));
    const { items, server } = await collect({
      objects,
      faults: [{
        match: (a, query) => a.resource === 'pods' && query.has('continue'),
        times: 1,
        status: 410,
        body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410,
          message: 'The provided continue parameter is too old', metadata: { continue: continueTokenFor('/api/v1/pods', 2) } },
      }],
    }, { pageSize: 2 });
    assert.deepEqual(errorsOf(items), []);
    assert.deepEqual(objectsOf(items).filter((o) => o.kind === 'Pod').map((o) => o.metadata?.name), ['p0', 'p1', 'p2', 'p3', 'p4']);
    assert.deepEqual(server.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.status), [200, 410, 200, 200]);
  });

  it('pages 10 001 pods through limit/continue', async () => {
    const objects = [namespace('load')];
    for (let i = 0; i < 10_001; i++) objects.push(pod('load', `p-${String(i).padStart(5, '0')}`));
    const progress: number[] = [];
    const { items, server } = await collect({ objects }, { pageSize: 500, onProgress: (p) => p.resource === 'pods' && progress.push(p.objects) });
    const pods = objectsOf(items).filter((o) => o.kind === 'Pod');
    assert.equal(pods.length, 10_001);
    assert.equal(new Set(pods.map((p) => p.metadata?.name)).size, 10_001, 'no page read twice');
    const podRequests = server.requests.filter((r) => r.path === '/api/v1/pods');
    assert.equal(podRequests.length, 21);
    assert.ok(podRequests.every((r) => r.query.limit === '500'));
    assert.equal(podRequests[0]!.query.continue, undefined);
    assert.ok(podRequests.slice(1).every((r) => typeof r.query.continue === 'string'));
    assert.equal(progress.at(-1), 10_001);
    const { results, evaluated } = await scan(items);
    assert.equal(evaluated, 10_002);
    assert.equal(results.filter((r) => r.control === 'privileged-container').length, 10_001);
  });

  it('-n reads one namespace: namespaced paths, the Namespace by name, no node-level evidence', async () => {
    const { items, server } = await collect(
      { objects: [...hardenedCluster(), pod('other', 'elsewhere')], kubeletConfigs: { 'cp-1': KUBELET_CONFIG } },
      { namespace: 'shop' },
    );
    assert.deepEqual(errorsOf(items), []);
    const paths = server.requests.map((r) => r.path);
    assert.ok(paths.includes('/api/v1/namespaces/shop/pods'));
    assert.ok(paths.includes('/api/v1/namespaces/shop'));
    assert.ok(paths.includes('/apis/rbac.authorization.k8s.io/v1/clusterroles'), 'cluster roles govern the namespace too');
    assert.ok(!paths.some((p) => p.startsWith('/api/v1/nodes')), 'no nodes with -n');
    assert.ok(!paths.includes('/api/v1/pods'));
    const namespaced = objectsOf(items).filter((o) => o.metadata?.namespace !== undefined);
    assert.ok(namespaced.every((o) => o.metadata?.namespace === 'shop'));
    assert.deepEqual(objectsOf(items).filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name), ['shop']);
  });

  it('kubelet configz: a 403 is one error for all nodes, not fatal', async () => {
    const { items } = await collect({
      objects: [node('node-a'), node('node-b'), node('node-c'), node('node-d'), pod('x', 'p')],
      kubeletConfigs: { 'node-a': KUBELET_CONFIG },
      authorize: (a) => a.subresource !== 'proxy',
    });
    assert.deepEqual(errorsOf(items), ['cannot get the kubelet configuration (nodes/proxy configz) of 4 nodes (node-a, node-b, node-c, …): 403 Forbidden']);
    assert.equal(objectsOf(items).filter((o) => o.kind === 'Pod').length, 1);
  });

  it('snapshot round trip: scanning the snapshot gives the live results, and it holds no secret data', async () => {
    const objects = [...hardenedCluster(), pod('shop', 'debug', podSpec([container('c', { privileged: true })])), secret('shop', 'api-key', { key: 'sk-live-0123456789' })];
    const { items } = await collect({ objects, authorize: (a) => a.resource !== 'replicationcontrollers', kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG } });
    const live = await scan(items);
    const file = join(dir, 'snapshot.json');
    const info = await writeSnapshot(file, { context: 'fake', server: 'https://127.0.0.1:1' }, (async function* () {
      yield* items;
    })());
    assert.equal(info.errors.length, 1);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('sk-live') && !text.includes(Buffer.from('sk-live-0123456789').toString('base64')));
    const snapshot = await openSnapshot(file);
    assert.deepEqual(snapshot.problems, []);
    assert.equal(snapshot.info?.context, 'fake');
    assert.equal(snapshot.info?.serverVersion?.gitVersion, 'v1.30.4');
    const offline = await scanCluster(snapshot.items, { controls: CATALOG, clusterName: snapshot.info?.context, ownersFirst: true, complete: true });
    assert.deepEqual(offline.results, live.results);
    assert.deepEqual(snapshot.info?.errors, info.errors, 'the errors are known once the items are read');
    // Reformatted (pretty-printed) it is still a snapshot, read whole.
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(JSON.parse(text), null, 2));
    const reread = await openSnapshot(pretty);
    assert.equal(reread.info?.context, 'fake');
    assert.deepEqual((await scanCluster(reread.items, { controls: CATALOG, clusterName: 'fake', ownersFirst: true, complete: true })).results, live.results);
    assert.ok(live.results.some((r) => r.status === 'fail') && live.results.some((r) => r.status === 'error'));
  });

  it('accepts a kubectl get -A -o yaml dump as a snapshot: owners found in any order, secret data dropped', async () => {
    const web = deployment('shop', 'web', podSpec([container('app', { privileged: true })]));
    const rs = replicaSet(web);
    const dump = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      // kubectl prints pods before their owners when asked for `pods,deploy,rs`.
      items: [podOf(rs, 'a'), web, rs, secret('shop', 'db', { password: 'dump-secret-value' })],
    };
    const file = join(dir, 'dump.yaml');
    const { dump: toYaml } = await import('js-yaml');
    writeFileSync(file, toYaml(dump));
    const snapshot = await openSnapshot(file);
    assert.equal(snapshot.info, undefined);
    assert.ok(!JSON.stringify([...(snapshot.items as ClusterItem[])]).includes(Buffer.from('dump-secret-value').toString('base64')));
    const { results } = await scanCluster(snapshot.items, { controls: CATALOG });
    const privileged = results.filter((r) => r.control === 'privileged-container');
    assert.deepEqual(labels(privileged), ['privileged-container fail Deployment shop/web [app]']);
    const subject = privileged[0]!.subject;
    assert.equal(subject.type === 'resource' && subject.file, file, 'a dump keeps its file and line');
    assert.equal(subject.type === 'resource' && typeof subject.line, 'number');
  });

  it('gives up at once when the API server cannot be reached', async () => {
    const server = await startFakeApiServer();
    const kubeconfig = server.writeKubeconfig(dir);
    await server.close();
    const client = new KubeApiClient((await loadKubeconfig({ kubeconfig })).kubeConfig, { ...FAST, retries: 1 });
    await assert.rejects(async () => {
      for await (const _ of collectCluster(client)) void _;
    }, (error: unknown) => error instanceof ClusterUnreachableError && /^cannot reach the API server https:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/.test(error.message));
    client.close();
  });

  it('refuses a server whose certificate the kubeconfig CA did not sign', async () => {
    const server = await startFakeApiServer();
    try {
      const config = JSON.parse(server.kubeconfig()) as { clusters: { cluster: Record<string, string> }[] };
      // Any other CA: the test server's certificate as its own CA does not sign itself.
      const { testPki } = await import('../../support/test-pki.js');
      config.clusters[0]!.cluster['certificate-authority-data'] = Buffer.from(testPki().serverCert).toString('base64');
      const file = join(dir, 'wrong-ca');
      writeFileSync(file, JSON.stringify(config));
      const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: file })).kubeConfig, { ...FAST, retries: 0 });
      await assert.rejects(async () => {
        for await (const _ of collectCluster(client)) void _;
      }, ClusterUnreachableError);
      client.close();
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
});

describe('kubeconfig loading', () => {
  it('selects --context and names the contexts it has when it is unknown', async () => {
    const server = await startFakeApiServer();
    try {
      const file = server.writeKubeconfig(dir, { context: 'prod' });
      assert.equal((await loadKubeconfig({ kubeconfig: file, context: 'prod' })).context, 'prod');
      await assert.rejects(loadKubeconfig({ kubeconfig: file, context: 'staging' }), (e: unknown) => e instanceof KubeconfigError && e.message === 'no context "staging" in the kubeconfig; it has: prod');
      await assert.rejects(loadKubeconfig({ kubeconfig: join(dir, 'missing') }), KubeconfigError);
    } finally {
      await server.close();
    }
  });

  it('uses the pod service account when run in a cluster', async () => {
    const server = await startFakeApiServer({ objects: [namespace('shop')] });
    const saved = { home: process.env.HOME, kubeconfig: process.env.KUBECONFIG, host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
    try {
      const prefix = join(dir, 'pod-root');
      const saDir = join(prefix, 'var/run/secrets/kubernetes.io/serviceaccount');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(saDir, { recursive: true });
      writeFileSync(join(saDir, 'token'), server.token);
      writeFileSync(join(saDir, 'ca.crt'), server.caCert);
      writeFileSync(join(saDir, 'namespace'), 'kubeharden');
      process.env.HOME = join(dir, 'no-home');
      delete process.env.KUBECONFIG;
      process.env.KUBERNETES_SERVICE_HOST = '127.0.0.1';
      process.env.KUBERNETES_SERVICE_PORT = new URL(server.url).port;
      const loaded = await loadKubeconfig({ inClusterPrefix: prefix });
      assert.equal(loaded.context, 'inClusterContext');
      const client = new KubeApiClient(loaded.kubeConfig, FAST);
      const items: ClusterItem[] = [];
      for await (const item of collectCluster(client, { namespace: 'shop' })) items.push(item);
      client.close();
      assert.deepEqual(errorsOf(items), []);
      assert.deepEqual(server.violations, []);
    } finally {
      for (const [key, env] of [['home', 'HOME'], ['kubeconfig', 'KUBECONFIG'], ['host', 'KUBERNETES_SERVICE_HOST'], ['port', 'KUBERNETES_SERVICE_PORT']] as const) {
        if (saved[key] === undefined) delete process.env[env];
        else process.env[env] = saved[key];
      }
      await server.close();
    }
  });
});
