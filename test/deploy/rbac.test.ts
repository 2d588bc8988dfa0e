import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { KubeApiClient } from '../../src/sources/cluster/api-client.js';
import { collectCluster, type ClusterItem, type CollectOptions } from '../../src/sources/cluster/collect.js';
import { loadKubeconfig } from '../../src/sources/cluster/kubeconfig.js';
import { hardenedCluster, KUBELET_CONFIG } from '../support/cluster-objects.js';
import { startFakeApiServer } from '../support/fake-apiserver.js';
import { rulesAllow, type PolicyRule, type RbacManifest } from '../support/rbac-authorizer.js';

type Manifest = RbacManifest;

const manifests = loadAll(readFileSync('deploy/rbac.yaml', 'utf8')) as Manifest[];
const serviceAccount = manifests.find((m) => m.kind === 'ServiceAccount')!;
/** The rules bound to the kubeharden service account, as the API server would resolve them. */
const boundRules: PolicyRule[] = manifests
  .filter((m) => m.kind === 'ClusterRoleBinding'
    && m.subjects?.some((s) => s.kind === 'ServiceAccount' && s.name === serviceAccount.metadata.name && s.namespace === serviceAccount.metadata.namespace))
  .flatMap((binding) => manifests.find((m) => m.kind === 'ClusterRole' && m.metadata.name === binding.roleRef?.name)?.rules ?? []);

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-rbac-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A full scan's collection against a server that enforces exactly `rules`; returns the collection errors. */
async function collectWith(rules: PolicyRule[], options: CollectOptions = {}): Promise<{ errors: string[]; forbidden: string[] }> {
  const server = await startFakeApiServer({
    objects: hardenedCluster(),
    kubeletConfigs: { 'cp-1': KUBELET_CONFIG, 'node-1': KUBELET_CONFIG },
    authorize: (request) => rulesAllow(rules, request),
  });
  try {
    const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) })).kubeConfig, { retries: 0, timeoutMs: 30_000 });
    const items: ClusterItem[] = [];
    for await (const item of collectCluster(client, options)) items.push(item);
    client.close();
    assert.deepEqual(server.violations, []);
    return {
      errors: items.flatMap((i) => (i.type === 'error' ? [i.error.message] : [])),
      forbidden: server.requests.filter((r) => r.status === 403).map((r) => r.path),
    };
  } finally {
    await server.close();
  }
}

describe('deploy/rbac.yaml', () => {
  it('binds read-only roles to the kubeharden service account: get and list only, secrets list only', () => {
    assert.ok(boundRules.length > 0);
    for (const rule of boundRules) {
      assert.ok(rule.verbs.every((verb) => verb === 'get' || verb === 'list'), `read-only verbs: ${JSON.stringify(rule)}`);
      assert.ok(!(rule.resources ?? []).includes('*') && !(rule.apiGroups ?? []).includes('*'), `no wildcards: ${JSON.stringify(rule)}`);
    }
    const secretRules = boundRules.filter((rule) => (rule.resources ?? []).includes('secrets'));
    assert.deepEqual(secretRules.map((rule) => rule.verbs), [['list']]);
  });

  it('is all a full scan needs: no 403 with -A or with -n', async () => {
    assert.deepEqual(await collectWith(boundRules), { errors: [], forbidden: [] });
    assert.deepEqual(await collectWith(boundRules, { namespace: 'shop' }), { errors: [], forbidden: [] });
  });

  it('has no rule the scan could do without', async () => {
    for (let i = 0; i < boundRules.length; i++) {
      const fewer = boundRules.filter((_, j) => j !== i);
      const all = await collectWith(fewer);
      const one = await collectWith(fewer, { namespace: 'shop' });
      assert.ok(all.forbidden.length + one.forbidden.length > 0, `rule ${JSON.stringify(boundRules[i])} is not needed`);
    }
  });
});
