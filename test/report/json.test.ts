import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Result } from '../../src/engine/result.js';
import { resultsDocument } from '../../src/engine/results-document.js';
import { JsonResultsStream, renderJson, ResultEncoder, resultJson } from '../../src/report/json.js';

const result = (name: string, status: Result['status']): Result => ({
  control: 'privileged-container',
  title: 'Containers must not run privileged',
  severity: 'high',
  status,
  refs: [{ framework: 'cis-1.10', id: '5.2.2' }],
  subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', name, container: 'c', file: 'p.yaml', line: 3 },
  message: `"quoted" \u2028 ${name}`,
});

for (const results of [[], [result('a', 'pass'), result('b', 'fail'), result('c', 'error')]]) {
  it(`streams exactly the document renderJson renders (${results.length} results)`, () => {
    const document = resultsDocument(results, [{ type: 'manifests', paths: ['x'] }], '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z');
    const path = join(mkdtempSync(join(tmpdir(), 'kh-json-')), 'out.json');
    const stream = new JsonResultsStream(path, { schemaVersion: 1, tool: document.tool });
    for (const r of results) stream.write(r);
    stream.end(document.scan);
    const streamed = readFileSync(path, 'utf8');
    assert.equal(streamed, renderJson(document));
    assert.deepEqual(JSON.parse(streamed), document);
    assert.deepEqual(stream.summary, document.summary);
  });
}

it('serializes each result exactly as JSON.stringify does (key order, optional fields, unknown keys)', () => {
  const base = result('x', 'waived');
  const variants: Result[] = [
    base,
    { ...base, remediation: 'fix "it"' },
    { ...base, remediation: 'r', waiver: { justification: 'lab', expires: '2999-01-01', source: '.kubeharden.yaml:2' } },
    { ...base, refs: [] },
    { ...base, extra: 1 } as unknown as Result,
  ];
  for (const r of variants) assert.equal(resultJson(r), JSON.stringify(r));
  assert.equal(resultJson(base), resultJson(base), 'cached refs give the same text');
});

it('encodes results as bytes exactly as JSON.stringify does, whatever the subject and however results interleave', () => {
  const base = result('web', 'pass');
  const refs = base.refs;
  const variants: Result[] = [];
  for (const container of ['app', 'sidecar', undefined, 'app']) {
    for (const status of ['pass', 'fail', 'waived'] as const) {
      const subject = { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop', ...(container ? { container } : {}), file: 'k8s/web.yaml', line: 7 } as const;
      variants.push({ ...base, status, refs, subject, ...(status === 'fail' ? { remediation: 'fix' } : {}) });
    }
  }
  variants.push(
    { ...base, subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', name: 'p' } },
    { ...base, subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', name: 'p', file: 'p.yaml' } },
    { ...base, subject: { name: 'p', type: 'resource', apiVersion: 'v1', kind: 'Pod' } },
    { ...base, subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', name: 'ünïcødé "q" \\ \n', file: 'a\u0001.yaml', line: 2 } },
    { ...base, subject: { type: 'component', kind: 'kube-apiserver', node: 'cp1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml', line: 12 } },
    { ...base, subject: { type: 'cluster' } },
    { ...base, subject: { type: 'eks-cluster', name: 'prod', region: 'eu-west-1', resource: { kind: 'nodegroup', name: 'ng' } } },
    { ...base, title: 'another title for the same control' },
    { ...base, refs: [{ framework: 'cis-1.9', id: '5.2.2' }] },
    { ...base, status: 'waived', waiver: { justification: 'lab \ud83d\ude00', source: 'x' } },
    { ...base, message: 'lone surrogate \ud800' },
  );
  const chunks: Buffer[] = [];
  const encoder = new ResultEncoder((bytes) => chunks.push(Buffer.from(bytes)));
  for (const r of variants) encoder.encode(r);
  encoder.flush();
  assert.equal(Buffer.concat(chunks).toString('utf8'), variants.map((r, i) => `${i ? ',' : ''}\n    ${JSON.stringify(r)}`).join(''));
});
