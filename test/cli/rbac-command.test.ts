import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { INGRESS_NGINX } from '../controls/rbac/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'kubeharden-who-can-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rbac.yaml'), INGRESS_NGINX);

function run(...args: string[]) {
  return spawnSync(process.execPath, ['dist/src/cli/main.js', 'rbac', 'who-can', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('kubeharden rbac who-can', () => {
  it('answers in a table with file:line of role and binding', () => {
    const result = run('list', 'secrets', '-n', 'ingress-nginx', dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ServiceAccount ingress-nginx\/ingress-nginx$/m);
    assert.match(result.stdout, /list cluster-wide {2}via ClusterRole ingress-nginx \(.*rbac\.yaml:2\) ← ClusterRoleBinding ingress-nginx \(.*rbac\.yaml:\d+\)/);
    assert.match(result.stdout, /list ingress-nginx {2}via Role ingress-nginx\/ingress-nginx/);
  });

  it('answers in JSON', () => {
    const result = run('get', 'secrets', '-n', 'other', '--format', 'json', dir);
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as { resource: string; subjects: unknown[]; complete: boolean };
    assert.equal(answer.resource, 'secrets');
    assert.deepEqual(answer.subjects, []);
    assert.equal(answer.complete, false);
  });

  it('needs objects to answer from, and reports unreadable input with exit 2', () => {
    assert.equal(run('get', 'secrets').status, 2);
    const missing = run('get', 'secrets', join(dir, 'nope.yaml'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.yaml/);
  });
});
