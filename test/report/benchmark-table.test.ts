import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { benchmarkView } from '../../src/frameworks/view.js';
import { renderBenchmarkItems } from '../../src/report/benchmark-items.js';
import { renderBenchmarkTable, scoreLine } from '../../src/report/benchmark-table.js';
import { SAMPLE_CONTROLS, sampleDocument } from '../frameworks/sample-results.js';

const doc = sampleDocument();
const stig = benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS });

describe('benchmark table', () => {
  const text = renderBenchmarkTable(stig, { color: false });
  it('lists every item with status, CAT, title and controls, and what was seen', () => {
    assert.equal(text.split('\n').filter((l) => /^ {2}\S/.test(l)).length, 95);
    assert.match(text, /^ {2}fail +V-242377 +CAT II +The Kubernetes Scheduler must use TLS 1\.2.* \[scheduler-tls-min-version\]$/m);
    assert.match(text, /^ +fail: kube-scheduler on cp1 {2}\/etc\/kubernetes\/manifests\/x\.yaml:12 — --tls-min-version is "VersionTLS10"/m);
    assert.match(text, /^ +waived: kube-apiserver on cp1 .*\(waived: Legacy client <ACME & Co> until migration, until 2027-01-31\)$/m);
    assert.match(text, /^ +not checked by this scan: controller-manager-service-account-credentials saw nothing to check$/m);
    assert.match(text, /^ {2}manual +V-242383 +CAT I +User-managed resources.*\n +manual: /m);
    assert.doesNotMatch(text, /pass: Pod shop\/api/, 'passing subjects only with --show-passed');
    assert.match(renderBenchmarkTable(stig, { color: false, showPassed: true }), /pass: Pod shop\/api/);
  });

  it('ends with the score and the item counts', () => {
    assert.equal(text.trimEnd().split('\n').at(-1), scoreLine(stig));
    assert.match(scoreLine(stig), /^Score: 40% \(2 of 5 evaluated automated items passed; 9 of 95 items automated\)\. Items: 2 pass, 2 fail, 87 manual, 1 not-applicable, 1 error, 1 waived, 1 not-checked\.$/);
  });

  it('colours only when asked', () => {
    assert.ok(!text.includes('\u001b['));
    assert.ok(renderBenchmarkTable(stig, { color: true }).includes('\u001b[31mfail'));
  });

  it('puts CIS items under their sections with their level', () => {
    const cis = renderBenchmarkTable(benchmarkView(doc, 'cis-1.9', { controls: SAMPLE_CONTROLS }), { color: false });
    assert.match(cis, /^5\.2 Pod Security Standards\n {2}\S+ +5\.2\.1 +L1 /m);
    assert.match(cis, /^ {2}not-checked +5\.2\.2 +L1 Minimize the admission of privileged containers {2}\[privileged-container\]$/m);
  });
});

describe('benchmark item list (controls --benchmark)', () => {
  it('gives every item its automation, controls and audit text as JSON', () => {
    const list = JSON.parse(renderBenchmarkItems(benchmarkView({ results: [] }, 'stig-v2r2', { controls: SAMPLE_CONTROLS }), 'json')) as { framework: string; items: { id: string; automation: string; controls: string[]; severity: string; audit: string }[] };
    assert.equal(list.framework, 'stig-v2r2');
    assert.equal(list.items.length, 95);
    assert.deepEqual(list.items.find((i) => i.id === 'V-242415'), { ...list.items.find((i) => i.id === 'V-242415'), automation: 'automated', controls: ['secrets-in-env'], severity: 'high' });
    assert.ok(list.items.filter((i) => i.automation === 'manual').every((i) => i.controls.length === 0 && i.audit.length > 0));
  });
});
