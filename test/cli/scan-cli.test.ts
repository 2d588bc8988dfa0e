import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ResultsDocument } from '../../src/engine/result.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

function run(args: string[], input?: string) {
  const child = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('kubeharden scan (the built CLI)', () => {
  it('scans the bundled examples: findings in web-app, exit 1, deterministic JSON', () => {
    const first = run(['scan', 'examples', '--format', 'json']);
    assert.equal(first.code, 1, first.stderr);
    const doc = JSON.parse(first.stdout) as ResultsDocument;
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.tool.name, 'kubeharden');
    assert.deepEqual(doc.scan.targets, [{ type: 'manifests', paths: ['examples'] }]);
    const privileged = doc.results.filter((r) => r.control === 'privileged-container' && r.status === 'fail');
    assert.deepEqual(privileged.map((r) => r.subject), [
      { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', container: 'log-shipper', file: 'examples/web-app.yaml', line: 36 },
    ]);
    assert.ok(doc.results.some((r) => r.status === 'pass' && r.subject.type === 'resource' && r.subject.namespace === 'payments'), 'passes are reported');
    const counted = doc.results.reduce((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {} as Record<string, number>);
    for (const [status, n] of Object.entries(doc.summary)) assert.equal(n, counted[status] ?? 0, `summary.${status}`);
    const second = JSON.parse(run(['scan', 'examples', '--format', 'json']).stdout) as ResultsDocument;
    assert.deepEqual({ ...second, scan: null }, { ...doc, scan: null }, 'same input, same results');
  });

  it('prints a table by default and honours --fail-on', () => {
    const table = run(['scan', 'examples']);
    assert.equal(table.code, 1);
    assert.match(table.stdout, /privileged-container/);
    assert.match(table.stdout, /examples\/web-app\.yaml:36/);
    assert.match(table.stdout, /^Summary: \d+ pass, \d+ fail/m);
    assert.ok(!table.stdout.includes('\u001b['), 'no colour when not a TTY');
    assert.equal(run(['scan', 'examples', '--fail-on', 'none']).code, 0);
    assert.equal(run(['scan', 'examples/hardened-api.yaml', '--fail-on', 'critical']).code, 0);
  });

  it('writes the report to -o FILE', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kh-out-')), 'results.json');
    const { code, stdout } = run(['scan', 'examples', '--format', 'json', '-o', out]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as ResultsDocument).schemaVersion, 1);
  });

  it('reads stdin for -', () => {
    const { code, stdout } = run(['scan', '-', '--format', 'json'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x:1\n    securityContext: {privileged: true}\n');
    assert.equal(code, 1);
    const fail = (JSON.parse(stdout) as ResultsDocument).results.find((r) => r.status === 'fail');
    assert.deepEqual(fail?.subject, { type: 'resource', apiVersion: 'v1', kind: 'Pod', name: 'p', container: 'c', file: '<stdin>', line: 8 });
  });

  it('malformed input: error with file:line on stderr, the rest still scanned, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-bad-'));
    writeFileSync(join(dir, 'a-broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [unclosed\n');
    writeFileSync(join(dir, 'b-good.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: good}\nspec:\n  containers:\n  - {name: c, image: "x:1", securityContext: {privileged: true}}\n');
    const { code, stdout, stderr } = run(['scan', dir, '--format', 'json']);
    assert.equal(code, 2);
    assert.match(stderr, /a-broken\.yaml:\d+: invalid YAML/);
    const doc = JSON.parse(stdout) as ResultsDocument;
    const error = doc.results.find((r) => r.status === 'error');
    assert.equal(error?.control, 'input-readable');
    assert.ok(doc.results.some((r) => r.status === 'fail' && r.subject.type === 'resource' && r.subject.name === 'good'), 'the good file was scanned');
    assert.equal(doc.summary.error, 1);
  });

  it('bad arguments exit 2 with a message', () => {
    const badFormat = run(['scan', 'examples', '--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown --format "xml"/);
    const missing = run(['scan']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing required argument/);
    const nothing = run(['scan', 'no/such/dir']);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /no\/such\/dir: cannot read: no such file or directory/);
  });

  it('lists controls', () => {
    const { code, stdout } = run(['controls']);
    assert.equal(code, 0);
    assert.match(stdout, /^privileged-container\s+high\s+Containers must not run privileged/m);
  });
});
