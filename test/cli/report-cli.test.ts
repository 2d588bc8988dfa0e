import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import type { ResultsDocument } from '../../src/engine/result.js';
import { EVERYDAY_FORMATS, renderReport } from '../../src/cli/output.js';
import { parseResultsDocument } from '../../src/engine/results-input.js';
import { parseXml } from '../report/xml-check.js';

const CLI = resolve('dist', 'src', 'cli', 'main.js');
const EXAMPLES = resolve('examples');

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const child = spawnSync(process.execPath, [CLI, ...args], { input: options.input, cwd: options.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-report-'));

function savedScan(dir: string): string {
  const file = join(dir, 'results.json');
  assert.equal(run(['scan', EXAMPLES, '--format', 'json', '-o', file]).code, 1);
  return file;
}

describe('kubeharden report render', () => {
  it('renders a saved scan in every format without scanning again', () => {
    const dir = tmp();
    const saved = savedScan(dir);
    const document = JSON.parse(readFileSync(saved, 'utf8')) as ResultsDocument;
    const outputs = new Map<string, string>();
    // Every everyday format in-process; three through the CLI to prove the wiring gives the same text.
    for (const format of EVERYDAY_FORMATS) outputs.set(format, renderReport(parseResultsDocument(saved, readFileSync(saved, 'utf8')), format));
    for (const format of ['yaml', 'sarif', 'junit'] as const) {
      const { code, stdout, stderr } = run(['report', 'render', saved, '--format', format]);
      assert.equal(code, 0, `${format}: ${stderr}`);
      assert.equal(stdout, outputs.get(format), format);
    }
    assert.deepEqual(JSON.parse(outputs.get('json')!), document);
    assert.deepEqual(yaml.load(outputs.get('yaml')!), document);
    assert.equal(outputs.get('csv')!.split('\r\n').length, document.results.length + 2);
    const failing = document.results.filter((r) => r.status === 'fail');
    assert.ok(failing.length > 1, 'the examples have findings');
    const sarifResults = JSON.parse(outputs.get('sarif')!).runs[0].results as { ruleId: string }[];
    assert.equal(sarifResults.length, document.results.filter((r) => r.status === 'fail' || r.status === 'error' || r.status === 'waived').length);
    assert.equal(parseXml(outputs.get('junit')!).attributes.failures, String(failing.length));
    const high = failing.filter((r) => r.severity === 'high').length;
    assert.match(outputs.get('markdown')!, new RegExp(`^## kubeharden: ${failing.length} failing findings \\(${high} high`));
    assert.match(outputs.get('html')!, /^<!doctype html>/);
    assert.match(outputs.get('table')!, /privileged-container/);
    // -o writes the file; --fail-on gives the scan's exit code back.
    const out = join(dir, 'report.html');
    assert.equal(run(['report', 'render', saved, '--format', 'html', '-o', out, '--fail-on', 'high']).code, 1);
    assert.equal(readFileSync(out, 'utf8'), outputs.get('html'));
    // - reads the document from stdin.
    const piped = run(['report', 'render', '-', '--format', 'csv'], { input: readFileSync(saved, 'utf8') });
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(piped.stdout, outputs.get('csv'));
  });

  it('--benchmark: junit and csv per benchmark item and subject, html charts that benchmark', () => {
    const saved = savedScan(tmp());
    const junit = run(['report', 'render', saved, '--format', 'junit', '--benchmark', 'cis-1.9']);
    assert.equal(junit.code, 0, junit.stderr);
    const root = parseXml(junit.stdout);
    const suites = root.children.map((s) => s.attributes.name!);
    assert.ok(suites.includes('cis-1.9:5.2.2') && suites.includes('cis-1.9:1.1.1'), 'every item, automated or manual');
    const privileged = root.children.find((s) => s.attributes.name === 'cis-1.9:5.2.2')!;
    assert.ok(privileged.children.some((c) => c.name === 'testcase' && c.attributes.name === 'Deployment shop/web [log-shipper]' && c.children[0]?.name === 'failure'));
    const csv = run(['report', 'render', saved, '--format', 'csv', '--benchmark', 'cis-1.9']);
    assert.match(csv.stdout, /^framework,item,title,severity,status,subject,message,remediation,controls\r\n/);
    assert.match(csv.stdout, /\r\ncis-1\.9,5\.2\.2,Minimize the admission of privileged containers,high,fail,/);
    const html = run(['report', 'render', saved, '--format', 'html', '--benchmark', 'cis-1.9']).stdout;
    assert.deepEqual([...html.matchAll(/<tr data-benchmark="([^"]+)"/g)].map((m) => m[1]), ['cis-1.9']);
    assert.equal(run(['report', 'render', saved, '--format', 'junit', '--benchmark', 'cis-9']).code, 2);
  });

  it('scan --format writes the same report as rendering the saved scan', () => {
    const { code, stdout } = run(['scan', EXAMPLES, '--format', 'sarif']);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.region.startLine, 36);
  });

  it('rejects documents that are not results, naming the file and the problem (exit 2)', () => {
    const dir = tmp();
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"schemaVersion": 1,', /not-json\.json: not JSON/],
      ['v2.json', JSON.stringify({ schemaVersion: 2 }), /v2\.json: not a kubeharden results document: schemaVersion 2 is not supported/],
      ['bad-status.json', JSON.stringify({ schemaVersion: 1, tool: { name: 'kubeharden', version: '0' }, scan: { startedAt: '', finishedAt: '', targets: [] }, results: [{ control: 'x', title: 't', message: 'm', severity: 'high', status: 'broken', refs: [], subject: { type: 'cluster' } }] }), /bad-status\.json: .*results\[0\]\.status "broken" is not one of/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text);
      const { code, stderr } = run(['report', 'render', join(dir, name)]);
      assert.equal(code, 2, name);
      assert.match(stderr, message);
    }
    const missing = run(['report', 'render', join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.json: no such file/);
    assert.match(run(['report', 'render', join(dir, 'v2.json'), '--format', 'pdf']).stderr, /unknown --format "pdf"; choose one of: table, json, yaml, csv, markdown, sarif, junit, html/);
  });
});

describe('kubeharden report merge and diff', () => {
  it('merges documents into one and diffs two scans by identity', () => {
    const dir = tmp();
    const saved = savedScan(dir);
    const hardened = join(dir, 'hardened.json');
    run(['scan', join(EXAMPLES, 'hardened-api.yaml'), '--format', 'json', '-o', hardened]);
    const merged = run(['report', 'merge', saved, hardened, '-o', join(dir, 'all.json')]);
    assert.equal(merged.code, 0, merged.stderr);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as ResultsDocument;
    const first = JSON.parse(readFileSync(saved, 'utf8')) as ResultsDocument;
    assert.equal(all.results.length, first.results.length, 'hardened-api results are already in the full scan');
    assert.equal(all.scan.targets.length, 2);

    // Diff: the full scan against the hardened one resolves the finding; the other way it is new.
    const fails = (d: ResultsDocument) => d.results.filter((r) => r.status === 'fail').length;
    const hardenedDocument = JSON.parse(readFileSync(hardened, 'utf8')) as ResultsDocument;
    const resolved = run(['report', 'diff', saved, hardened]);
    assert.equal(resolved.code, 0, 'no new findings');
    assert.match(resolved.stdout, new RegExp(`Summary: 0 new, ${fails(first) - fails(hardenedDocument)} resolved, ${fails(hardenedDocument)} unchanged`));
    const fresh = run(['report', 'diff', hardened, saved, '--format', 'json']);
    assert.equal(fresh.code, 1);
    const newFindings = JSON.parse(fresh.stdout).newFindings as { control: string; subject: { container?: string } }[];
    assert.equal(newFindings.length, fails(first) - fails(hardenedDocument));
    assert.ok(newFindings.some((f) => f.control === 'privileged-container' && f.subject.container === 'log-shipper'));
    assert.equal(run(['report', 'diff', hardened, saved, '--fail-on', 'critical']).code, 0);
    assert.equal(run(['report', 'diff', hardened, saved, '--format', 'sarif']).code, 2);
  });
});

describe('exceptions through the CLI', () => {
  const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n  containers:\n  - name: c\n    image: x:1\n    securityContext: {privileged: true}\n';

  it('reads .kubeharden.yaml from the working directory; --no-exemptions ignores it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'pod.yaml'), manifest);
    writeFileSync(
      join(dir, '.kubeharden.yaml'),
      'exceptions:\n  - control: privileged-container\n    resource: {namespace: ns}\n    justification: lab cluster\n    expires: 2999-01-01\n' +
        '  - control: privileged-container\n    resource: {namespace: other}\n    justification: stale\n' +
        '  - control: privileged-container\n    justification: old\n    expires: 2001-01-01\n',
    );
    const privileged = (d: ResultsDocument) => d.results.find((r) => r.control === 'privileged-container')!;
    const waived = run(['scan', 'pod.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
    const document = JSON.parse(waived.stdout) as ResultsDocument;
    assert.equal(waived.code, document.results.some((r) => r.status === 'fail' && r.severity === 'critical') ? 1 : 0, 'a waived finding does not fail the scan');
    assert.equal(privileged(document).status, 'waived');
    assert.deepEqual(privileged(document).waiver, { justification: 'lab cluster', expires: '2999-01-01', source: '.kubeharden.yaml:2' });
    assert.match(waived.stderr, /warning: \.kubeharden\.yaml:9: exception for privileged-container expired on 2001-01-01/);
    assert.match(waived.stderr, /warning: \.kubeharden\.yaml:6: exception for privileged-container matched no failing result/);
    assert.equal(document.scan.warnings?.length, 2);
    assert.match(run(['scan', 'pod.yaml'], { cwd: dir }).stdout, /waived: lab cluster/);

    const ignored = run(['scan', 'pod.yaml', '--format', 'json', '--no-exemptions'], { cwd: dir });
    assert.equal(ignored.code, 1);
    assert.equal(privileged(JSON.parse(ignored.stdout) as ResultsDocument).status, 'fail');
    assert.equal(ignored.stderr, '');
  });

  it('stops with exit 2 and file:line for an invalid --config, or a missing one', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'pod.yaml'), manifest);
    writeFileSync(join(dir, 'bad.yaml'), 'exceptions:\n  - control: privileged-container\n    expires: tomorrow\n');
    const bad = run(['scan', 'pod.yaml', '--config', 'bad.yaml'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /invalid config file; nothing was scanned:\n {2}bad\.yaml:2: exceptions\[0\]: missing justification/);
    assert.match(bad.stderr, /bad\.yaml:3: exceptions\[0\]\.expires: "tomorrow" is not a date YYYY-MM-DD/);
    writeFileSync(join(dir, 'items.yaml'), 'exceptions:\n  - item: cis-1.9:5.2.99\n    justification: x\n  - item: stig-v2r2:V-242376\n    justification: exists\n');
    const items = run(['scan', 'pod.yaml', '--config', 'items.yaml'], { cwd: dir });
    assert.equal(items.code, 2);
    assert.match(items.stderr, /items\.yaml:2: exceptions\[0\]\.item: cis-1\.9 has no item "5\.2\.99"; `kubeharden controls --benchmark cis-1\.9` lists them/);
    assert.doesNotMatch(items.stderr, /exceptions\[1\]/, 'a real STIG item is accepted');
    const missing = run(['scan', 'pod.yaml', '--config', 'absent.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read config file absent\.yaml: no such file/);
  });
});
