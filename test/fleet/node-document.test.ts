import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Result, ResultsDocument } from '../../src/engine/result.js';
import { NodeLogError, nodeDocumentFromLog } from '../../src/fleet/node-document.js';
import { renderJson } from '../../src/report/json.js';

const result = (subject: Result['subject'], status: Result['status'] = 'pass'): Result => ({
  control: 'c', title: 't', severity: 'high', status, refs: [], subject, message: 'm',
});
const doc = (results: Result[], targets: ResultsDocument['scan']['targets'] = [{ type: 'node', root: '/host', hostname: 'ip-10-0-1-2' }]): ResultsDocument => ({
  schemaVersion: 1,
  tool: { name: 'kubeharden', version: '0.1.0' },
  scan: { startedAt: 'a', finishedAt: 'b', targets },
  results,
  summary: { pass: 0, fail: 0, manual: 0, 'not-applicable': 0, error: 0, waived: 0 },
});
const good = renderJson(doc([
  result({ type: 'component', kind: 'kubelet', node: 'ip-10-0-1-2' }),
  result({ type: 'file', path: '/etc/kubernetes/kubelet.conf', node: 'ip-10-0-1-2' }, 'fail'),
  result({ type: 'input', file: '/host/etc/kubernetes/admin.conf' }, 'error'),
]));

describe('nodeDocumentFromLog', () => {
  it('names every subject by the Kubernetes node, keeps the node target, and sets the audit\'s stderr lines apart', () => {
    const { document, diagnostics } = nodeDocumentFromLog('node-a', `kubeharden: error: /host/etc/x: permission denied\n${good}`);
    assert.deepEqual(document.results.map((r) => r.subject), [
      { type: 'component', kind: 'kubelet', node: 'node-a' },
      { type: 'file', path: '/etc/kubernetes/kubelet.conf', node: 'node-a' },
      { type: 'input', file: 'node-a:/host/etc/kubernetes/admin.conf' },
    ]);
    assert.deepEqual(document.scan.targets, [{ type: 'node', root: '/host', hostname: 'ip-10-0-1-2', node: 'node-a' }]);
    assert.deepEqual(document.summary, { pass: 1, fail: 1, manual: 0, 'not-applicable': 0, error: 1, waived: 0 });
    assert.deepEqual(diagnostics, ['kubeharden: error: /host/etc/x: permission denied']);
  });

  const bad: [string, string, { truncated?: boolean } | undefined, RegExp][] = [
    ['empty log', '', undefined, /^its log holds no results$/],
    ['only diagnostics', 'kubeharden: internal error: boom\n', undefined, /^its log holds no results \(kubeharden: internal error: boom\)$/],
    ['cut in the middle', good.slice(0, 200), undefined, /^the pod log: not JSON \(.+\) \(200 bytes\)$/],
    ['cut at limitBytes', good, { truncated: true }, /^its log was cut at \d+ bytes before the end of the results$/],
    ['JSON, not a results document', '{"kind":"Status"}', undefined, /^the pod log: not a kubeharden results document: schemaVersion is missing \(17 bytes\)$/],
    ['a cluster scan, not a node audit', renderJson(doc([result({ type: 'cluster' })], [{ type: 'cluster' }])), undefined, /no node target/],
    ['a node audit without results', renderJson(doc([])), undefined, /^its log holds a node audit with no results$/],
  ];
  for (const [name, log, options, message] of bad) {
    it(`${name}: an error, never a pass`, () => {
      assert.throws(() => nodeDocumentFromLog('node-a', log, options), (e: unknown) => e instanceof NodeLogError && message.test(e.message));
    });
  }
});
