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
});
