import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ApiRequestError, KubeApiClient } from '../../src/sources/cluster/api-client.js';
import { loadKubeconfig } from '../../src/sources/cluster/kubeconfig.js';
import { secret } from './cluster-objects.js';
import { requestAttributes, startFakeApiServer } from './fake-apiserver.js';
import { rulesAllow } from './rbac-authorizer.js';

/** The fake API server is what proves the scanner's promises; these tests prove it notices broken ones. */
describe('fake API server', () => {
  it('records a violation when secrets are requested without the metadata-only Accept, or with a wrong token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fake-'));
    const server = await startFakeApiServer({ objects: [secret('shop', 's', { password: 'p' })] });
    try {
      const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) })).kubeConfig, { retries: 0 });
      await assert.rejects(client.getJson('/api/v1/secrets'), (e: unknown) => e instanceof ApiRequestError && e.status === 406);
      const metadata = await client.getJson('/api/v1/secrets', 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1') as { items: object[] };
      assert.deepEqual(Object.keys(metadata.items[0]!), ['apiVersion', 'kind', 'metadata']);
      client.close();
      const wrong = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir, { token: 'stolen' }) })).kubeConfig, { retries: 0 });
      await assert.rejects(wrong.getJson('/api/v1/pods'), (e: unknown) => e instanceof ApiRequestError && e.status === 401);
      wrong.close();
      assert.equal(server.violations.length, 2);
      assert.match(server.violations[0]!, /^\/api\/v1\/secrets: secrets requested without Accept/);
      assert.match(server.violations[1]!, /wrong bearer token/);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses request attributes and applies RBAC rules like the API server', () => {
    assert.deepEqual(requestAttributes('/api/v1/nodes/n1/proxy/configz'), { verb: 'get', path: '/api/v1/nodes/n1/proxy/configz', apiGroup: '', resource: 'nodes', name: 'n1', subresource: 'proxy' });
    assert.deepEqual(requestAttributes('/apis/apps/v1/namespaces/shop/deployments'), { verb: 'list', path: '/apis/apps/v1/namespaces/shop/deployments', apiGroup: 'apps', namespace: 'shop', resource: 'deployments' });
    assert.deepEqual(requestAttributes('/version'), { verb: 'get', path: '/version', nonResourceURL: '/version' });
    const rules = [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }, { nonResourceURLs: ['/healthz*'], verbs: ['get'] }];
    assert.equal(rulesAllow(rules, requestAttributes('/api/v1/nodes')), true);
    assert.equal(rulesAllow(rules, requestAttributes('/api/v1/nodes/n1/proxy/configz')), false, 'nodes does not grant nodes/proxy');
    assert.equal(rulesAllow(rules, requestAttributes('/apis/apps/v1/nodes')), false, 'wrong group');
    assert.equal(rulesAllow(rules, requestAttributes('/healthz/etcd')), true);
    assert.equal(rulesAllow(rules, requestAttributes('/version')), false);
  });

  it('with the jobs opt-in allows exactly Job creates and deletes in its namespace; every other write is still a violation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fake-'));
    const server = await startFakeApiServer({ jobs: { namespace: 'kubeharden', run: () => ({ pod: { statuses: [{ phase: 'Running' }], log: 'hello' } }) } });
    try {
      const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) })).kubeConfig, { retries: 0 });
      const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', labels: { run: 'x' } }, spec: { template: { metadata: { labels: { run: 'x' } } } } };
      await client.request({ method: 'POST', path: '/apis/batch/v1/namespaces/kubeharden/jobs', body: job });
      await assert.rejects(client.request({ method: 'POST', path: '/apis/batch/v1/namespaces/kubeharden/jobs', body: job }), (e: unknown) => e instanceof ApiRequestError && e.status === 409);
      const pods = await client.getJson('/api/v1/namespaces/kubeharden/pods?labelSelector=run%3Dx,job-name%3Dj') as { items: { metadata: { name: string } }[] };
      assert.equal(pods.items.length, 1);
      assert.equal((await client.getJson('/api/v1/namespaces/kubeharden/pods?labelSelector=run%3Dy') as { items: unknown[] }).items.length, 0);
      assert.equal(await client.request({ method: 'GET', path: `/api/v1/namespaces/kubeharden/pods/${pods.items[0]!.metadata.name}/log`, reply: 'text' }), 'hello');
      await assert.rejects(client.request({ method: 'POST', path: '/apis/batch/v1/namespaces/default/jobs', body: job }), (e: unknown) => e instanceof ApiRequestError && e.status === 405);
      await assert.rejects(client.request({ method: 'DELETE', path: `/api/v1/namespaces/kubeharden/pods/${pods.items[0]!.metadata.name}` }), (e: unknown) => e instanceof ApiRequestError && e.status === 405);
      await client.request({ method: 'DELETE', path: '/apis/batch/v1/namespaces/kubeharden/jobs/j?propagationPolicy=Background' });
      assert.equal((await client.getJson('/api/v1/namespaces/kubeharden/pods') as { items: unknown[] }).items.length, 0, 'Background deletes the pods');
      client.close();
      assert.deepEqual(server.writes.map((w) => `${w.method} ${w.path}`), [
        'POST /apis/batch/v1/namespaces/kubeharden/jobs',
        'POST /apis/batch/v1/namespaces/kubeharden/jobs',
        'DELETE /apis/batch/v1/namespaces/kubeharden/jobs/j',
      ]);
      assert.equal(server.violations.length, 2);
      assert.match(server.violations[0]!, /^POST \/apis\/batch\/v1\/namespaces\/default\/jobs: the scanner must only read/);
      assert.match(server.violations[1]!, /^DELETE \/api\/v1\/namespaces\/kubeharden\/pods\//);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
