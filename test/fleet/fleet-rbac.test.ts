import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { KubeFleetApi } from '../../src/fleet/fleet-api.js';
import { runFleet } from '../../src/fleet/fleet-run.js';
import { FLEET_NODE_ANNOTATION } from '../../src/fleet/node-audit-job.js';
import { KubeApiClient } from '../../src/sources/cluster/api-client.js';
import { loadKubeconfig } from '../../src/sources/cluster/kubeconfig.js';
import { node } from '../support/cluster-objects.js';
import { startFakeApiServer, type FakeObject } from '../support/fake-apiserver.js';
import { rulesAllow, type PolicyRule, type RbacManifest } from '../support/rbac-authorizer.js';
import { realNodeLog } from './node-log.js';

type Manifest = RbacManifest;

const manifests = loadAll(readFileSync('deploy/kubeharden.yaml', 'utf8')) as Manifest[];
const NS = 'kubeharden';
const boundTo = (account: string, kind: 'RoleBinding' | 'ClusterRoleBinding') =>
  manifests.filter((m) => m.kind === kind && m.subjects?.some((s) => s.kind === 'ServiceAccount' && s.name === account && s.namespace === NS));
const roleRules = boundTo('kubeharden-fleet', 'RoleBinding')
  .flatMap((b) => manifests.find((m) => m.kind === 'Role' && m.metadata.name === b.roleRef?.name && m.metadata.namespace === NS)?.rules ?? []);
const clusterRules = boundTo('kubeharden-fleet', 'ClusterRoleBinding')
  .flatMap((b) => manifests.find((m) => m.kind === 'ClusterRole' && m.metadata.name === b.roleRef?.name)?.rules ?? []);

let dir: string;
let log: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-fleet-rbac-'));
  log = realNodeLog().log;
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A run touching every path of fleet run (an audited node, a Job that fails with no pod, a pod that
 * fails on a node), against a server enforcing `role` in the fleet namespace and the bound
 * ClusterRoles everywhere; returns the requests answered 403.
 */
async function forbiddenWith(role: PolicyRule[]): Promise<string[]> {
  const server = await startFakeApiServer({
    objects: [node('ok'), node('no-pod'), node('failing')],
    authorize: (request) => (request.namespace === NS && rulesAllow(role, request)) || rulesAllow(clusterRules, request),
    jobs: {
      namespace: NS,
      run: (job: FakeObject) => {
        const target = (job.metadata?.annotations as Record<string, string>)[FLEET_NODE_ANNOTATION];
        if (target === 'ok') return { pod: { statuses: [{ phase: 'Succeeded', containerStatuses: [{ name: 'node-audit', state: { terminated: { exitCode: 0 } } }] }], log } };
        if (target === 'failing') return { pod: { statuses: [{ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }] } };
        return { jobStatus: { conditions: [{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded' }] } };
      },
    },
  });
  const client = new KubeApiClient((await loadKubeconfig({ kubeconfig: server.writeKubeconfig(dir) })).kubeConfig, { retries: 0 });
  try {
    const run = await runFleet(new KubeFleetApi(client), { namespace: NS, image: 'kubeharden:test', timeoutMs: 2000, parallelism: 3, pollMs: 5, maxPollMs: 20 });
    assert.deepEqual(server.violations, []);
    if (server.requests.every((r) => r.status !== 403)) {
      assert.deepEqual(run.nodes.map((n) => [n.node, 'document' in n]), [['ok', true], ['no-pod', false], ['failing', false]]);
    }
    return server.requests.filter((r) => r.status === 403).map((r) => `${r.method} ${r.path}`);
  } finally {
    client.close();
    await server.close();
  }
}

describe('the kubeharden-fleet RBAC of deploy/kubeharden.yaml', () => {
  it('binds the fleet runner to the read-only ClusterRoles of the cluster scan, and writes only through its namespaced Role', () => {
    const names = (account: string) => boundTo(account, 'ClusterRoleBinding').map((b) => b.roleRef?.name).sort();
    assert.deepEqual(names('kubeharden-fleet'), names('kubeharden'));
    assert.ok(clusterRules.every((rule) => rule.verbs.every((verb) => verb === 'get' || verb === 'list')));
    assert.ok(roleRules.length > 0);
  });

  it('is all fleet run needs: no 403', async () => {
    assert.deepEqual(await forbiddenWith(roleRules), []);
  });

  it('has no verb fleet run could do without', async () => {
    for (const [i, rule] of roleRules.entries()) {
      for (const verb of rule.verbs) {
        const fewer = roleRules.map((r, j) => (j === i ? { ...r, verbs: r.verbs.filter((v) => v !== verb) } : r));
        assert.notDeepEqual(await forbiddenWith(fewer), [], `${verb} ${rule.resources?.join()} is not needed`);
      }
    }
  });
});
