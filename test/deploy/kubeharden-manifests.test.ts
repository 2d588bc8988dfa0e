import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import type { ResultsDocument } from '../../src/engine/result.js';
import type { KubeObject } from '../../src/evidence/kube-object.js';
import { deployYaml, shippedDeployOptions } from '../../src/fleet/deploy-manifests.js';
import { NODE_AUDIT_HOST_PATHS } from '../../src/fleet/node-audit-job.js';

const CLI = join('dist', 'src', 'cli', 'main.js');
const rbac = loadAll(readFileSync('deploy/rbac.yaml', 'utf8')) as KubeObject[];
const shipped = readFileSync('deploy/kubeharden.yaml', 'utf8');
const objects = loadAll(shipped) as KubeObject[];
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && (o.metadata as { name: string }).name === name);
const podSpec = (template: unknown) => (template as { spec: Record<string, unknown> }).spec;

describe('deploy/kubeharden.yaml', () => {
  it('is generated from src/fleet (run `npm run docs` when this fails)', () => {
    assert.equal(shipped, deployYaml(shippedDeployOptions(rbac)));
  });

  it('every document has apiVersion, kind and metadata.name', () => {
    assert.ok(objects.length >= 10);
    for (const object of objects) {
      assert.equal(typeof object.apiVersion, 'string');
      assert.equal(typeof object.kind, 'string');
      assert.equal(typeof (object.metadata as { name?: unknown }).name, 'string', JSON.stringify(object).slice(0, 100));
    }
  });

  it('has exactly the read-only ClusterRoles of deploy/rbac.yaml', () => {
    const roles = (list: KubeObject[]) => list.filter((o) => o.kind === 'ClusterRole');
    assert.ok(roles(rbac).length > 0);
    assert.deepEqual(roles(objects), roles(rbac));
  });

  it('gives the fleet runner a namespaced Role: its Jobs and the logs of their pods, nothing else', () => {
    const role = find('Role', 'kubeharden-fleet')!;
    assert.equal((role.metadata as { namespace: string }).namespace, 'kubeharden');
    assert.deepEqual(role.rules, [
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'get', 'delete'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
    assert.equal(objects.filter((o) => o.kind === 'ClusterRole').some((o) => JSON.stringify(o.rules).match(/create|delete|update|patch|\*/)), false);
  });

  it('the example node-audit Job mounts the host read-only and runs the node audit against /host', () => {
    const job = objects.find((o) => o.kind === 'Job')!;
    const spec = podSpec((job.spec as { template: unknown }).template);
    assert.equal(spec.hostPID, true);
    assert.deepEqual(spec.affinity, {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['NODE_NAME'] }] }] } },
    });
    const [container] = spec.containers as { args: string[]; volumeMounts: { readOnly: boolean; mountPath: string }[]; securityContext: Record<string, unknown> }[];
    assert.deepEqual(container!.args.slice(0, 3), ['node', '--root', '/host']);
    assert.deepEqual(container!.volumeMounts.map((m) => [m.mountPath, m.readOnly]), NODE_AUDIT_HOST_PATHS.map((p) => [`/host${p.path}`, true]));
    assert.equal(container!.securityContext.readOnlyRootFilesystem, true);
    assert.deepEqual(container!.securityContext.capabilities, { drop: ['ALL'] });
  });

  it('the CronJob runs the cluster scan daily as non-root with a read-only root filesystem, and keeps its token', () => {
    const cron = find('CronJob', 'kubeharden-cluster-scan')!;
    const spec = cron.spec as { schedule: string; jobTemplate: { spec: { template: unknown } } };
    assert.match(spec.schedule, /^\d+ \d+ \* \* \*$/);
    const pod = podSpec(spec.jobTemplate.spec.template);
    assert.equal(pod.automountServiceAccountToken, true);
    assert.equal(pod.serviceAccountName, 'kubeharden');
    const [container] = pod.containers as { args: string[]; securityContext: Record<string, unknown>; resources: { limits: unknown } }[];
    assert.deepEqual(container!.args.slice(0, 3), ['cluster', '--format', 'json']);
    assert.equal(container!.securityContext.runAsNonRoot, true);
    assert.equal(container!.securityContext.readOnlyRootFilesystem, true);
    assert.deepEqual(container!.securityContext.capabilities, { drop: ['ALL'] });
    assert.deepEqual(container!.securityContext.seccompProfile, { type: 'RuntimeDefault' });
    assert.ok(container!.resources.limits);
  });
});

describe('kubeharden scans its own deploy manifests', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  /** Cluster-wide questions the manifests cannot answer (no subject of ours): an assessor's call. */
  const MANUAL_ONLY = new Set(['rbac-system-masters', 'namespace-boundaries']);

  it('every control passes or is waived, by an annotation or deploy/kubeharden-exceptions.yaml, and every exception is used', () => {
    const child = run(['scan', 'deploy/kubeharden.yaml', 'deploy/rbac.yaml', '--config', 'deploy/kubeharden-exceptions.yaml', '--format', 'json']);
    assert.equal(child.status, 0, child.stderr);
    const document = JSON.parse(child.stdout) as ResultsDocument & { scan: { warnings?: string[] } };
    const bad = document.results.filter((r) => !(r.status === 'pass' || r.status === 'waived' || (r.status === 'manual' && MANUAL_ONLY.has(r.control))));
    assert.deepEqual(bad.map((r) => `${r.control} ${r.status} ${JSON.stringify(r.subject)}`), []);
    assert.deepEqual(document.scan.warnings ?? [], []);
    assert.doesNotMatch(child.stderr, /warning|error/i);
    const waived = new Set(document.results.filter((r) => r.status === 'waived').map((r) => r.control));
    for (const control of ['host-pid', 'host-path-volume', 'root-container', 'host-path-sensitive']) assert.ok(waived.has(control), control);
  });

  it('without the exceptions the node audit Job fails the root and host-path controls (the waivers are what pass it)', () => {
    const child = run(['scan', 'deploy/kubeharden.yaml', '--no-exemptions', '--format', 'json', '--fail-on', 'none']);
    const document = JSON.parse(child.stdout) as ResultsDocument;
    const failed = new Set(document.results.filter((r) => r.status === 'fail').map((r) => r.control));
    for (const control of ['host-pid', 'host-path-volume', 'root-container', 'host-path-sensitive']) assert.ok(failed.has(control), control);
  });
});
