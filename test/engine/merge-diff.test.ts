import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffDocuments, diffExitCode } from '../../src/engine/diff.js';
import { mergeDocuments } from '../../src/engine/merge.js';
import type { Result } from '../../src/engine/result.js';
import { renderDiff } from '../../src/report/diff.js';
import { fixtureDocument, fixtureResults } from '../report/fixture-document.js';

const [webFail, webPass, cilium, apiserver, kubeletManual, etcdNa, inputError] = fixtureResults() as [Result, Result, Result, Result, Result, Result, Result];

function doc(results: Result[], startedAt = '2026-01-02T03:04:05.000Z', target = 'k8s') {
  const d = fixtureDocument(results);
  d.scan = { startedAt, finishedAt: startedAt.replace('05.000Z', '09.000Z'), targets: [{ type: 'manifests', paths: [target] }] };
  return d;
}

describe('report merge', () => {
  it('unions results and targets, dedupes by identity ignoring lines, sorts so input order does not matter', () => {
    const node = doc([apiserver, kubeletManual], '2026-01-02T03:04:05.000Z', 'node');
    const cluster = doc([webFail, webPass, { ...webFail, subject: { ...webFail.subject, line: 99 } as Result['subject'] }], '2026-01-01T00:00:05.000Z', 'cluster');
    const a = mergeDocuments([{ name: 'node.json', document: node }, { name: 'cluster.json', document: cluster }]);
    const b = mergeDocuments([{ name: 'cluster.json', document: cluster }, { name: 'node.json', document: node }]);
    assert.deepEqual(a.results, b.results, 'deterministic order');
    assert.equal(a.results.length, 5, 'within one document nothing is dropped');
    assert.deepEqual(a.summary, { pass: 1, fail: 3, manual: 1, 'not-applicable': 0, error: 0, waived: 0 });
    assert.deepEqual(a.scan.targets.map((t) => t.paths), [['node'], ['cluster']]);
    assert.equal(a.scan.startedAt, '2026-01-01T00:00:05.000Z');
    assert.equal(a.scan.finishedAt, '2026-01-02T03:04:09.000Z');
    assert.equal(a.scan.warnings, undefined);

    const twice = mergeDocuments([
      { name: 'a.json', document: doc([webFail, apiserver]) },
      { name: 'b.json', document: doc([{ ...webFail, subject: { ...webFail.subject, line: 40 } as Result['subject'] }, apiserver]) },
    ]);
    assert.equal(twice.results.length, 2, 'the same finding in two scans (moved line) is kept once');
  });

  it('keeps the verdict that needs attention when scans disagree, and says so', () => {
    const passing = { ...webFail, status: 'pass' as const, message: 'container "log-shipper" is not privileged' };
    const merged = mergeDocuments([{ name: 'old.json', document: doc([passing]) }, { name: 'new.json', document: doc([webFail]) }]);
    assert.deepEqual(merged.results.map((r) => r.status), ['fail']);
    assert.equal(merged.scan.warnings?.length, 1);
    assert.match(merged.scan.warnings![0]!, /^merge: privileged-container on .*shop.*web.*log-shipper.* differs between old\.json \(pass\) and new\.json \(fail\); kept fail$/);
    const errorWins = mergeDocuments([{ name: 'a', document: doc([{ ...apiserver, status: 'error', message: 'permission denied' }]) }, { name: 'b', document: doc([apiserver]) }]);
    assert.deepEqual(errorWins.results.map((r) => r.status), ['error']);
  });
});

describe('report diff', () => {
  const moved = { ...webFail, subject: { ...webFail.subject, line: 80 } as Result['subject'] };
  const newer = { ...apiserver };
  const old = doc([webFail, webPass, cilium, kubeletManual, etcdNa, { ...webFail, control: 'host-network', message: 'hostNetwork: true' }]);
  const now = doc([moved, newer, { ...webFail, control: 'host-network', status: 'pass', message: 'no hostNetwork' }]);

  it('matches by control and subject without line: new, resolved, unchanged', () => {
    const diff = diffDocuments(old, now);
    assert.deepEqual(diff.new.map((r) => r.control), ['example-anonymous-auth']);
    assert.deepEqual(diff.unchanged.map((r) => [r.control, 'line' in r.subject ? r.subject.line : 0]), [['privileged-container', 80]]);
    assert.deepEqual(diff.resolved.map((r) => [r.result.control, r.now]), [['host-network', 'pass']]);
    assert.equal(diff.incomplete, false);
  });

  it('pairs several findings of one control on one subject by message', () => {
    const twoOld = doc([{ ...webFail, message: 'a' }, { ...webFail, message: 'b' }]);
    const twoNew = doc([{ ...webFail, message: 'b' }, { ...webFail, message: 'c' }, { ...webFail, message: 'd' }]);
    const diff = diffDocuments(twoOld, twoNew);
    assert.deepEqual(diff.unchanged.map((r) => r.message), ['b', 'c']);
    assert.deepEqual(diff.new.map((r) => r.message), ['d']);
    assert.deepEqual(diff.resolved, []);
  });

  it('exits 1 only for new findings at or above --fail-on, 2 when the new scan is incomplete', () => {
    const diff = diffDocuments(old, now);
    assert.equal(diffExitCode(diff, 'critical'), 1);
    assert.equal(diffExitCode(diffDocuments(now, now), 'info'), 0);
    assert.equal(diffExitCode(diffDocuments(old, doc([moved])), 'low'), 0, 'a moved finding is not new');
    assert.equal(diffExitCode(diff, 'none'), 0);
    assert.equal(diffExitCode(diffDocuments(old, doc([moved, inputError])), 'none'), 2);
  });

  it('renders as a table, JSON and markdown', () => {
    const diff = diffDocuments(old, now);
    const table = renderDiff(diff, 'table', { old: 'a.json', new: 'b.json' });
    assert.match(table, /^New findings \(1\)\n {2}CRITICAL example-anonymous-auth {2}kube-apiserver on cp-1/m);
    assert.match(table, /Resolved findings \(1\)\n.*host-network.*→ pass/);
    assert.match(table, /Summary: 1 new, 1 resolved, 1 unchanged \(a\.json → b\.json\)/);
    const json = JSON.parse(renderDiff(diff, 'json', { old: 'a.json', new: 'b.json' }));
    assert.deepEqual(json.summary, { new: 1, resolved: 1, unchanged: 1 });
    assert.equal(json.resolvedFindings[0].now, 'pass');
    const markdown = renderDiff(diff, 'markdown', { old: 'a.json', new: 'b.json' });
    assert.match(markdown, /^## kubeharden: 1 new, 1 resolved, 1 unchanged/);
    assert.match(markdown, /### New \(1\)\n\n\| severity \| control/);
  });
});
