import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentForAsset, renderBenchmarkOutput } from '../../src/cli/benchmark-output.js';
import { readCkl } from '../../src/report/ckl.js';
import { sampleDocument } from '../frameworks/sample-results.js';

describe('renderBenchmarkOutput', () => {
  it('--asset-name naming a node keeps that node\'s results and the cluster-wide ones', () => {
    const doc = sampleDocument();
    doc.results.push({ ...doc.results[1]!, subject: { type: 'component', kind: 'kube-scheduler', node: 'cp2' } });
    const cp1 = documentForAsset(doc, 'cp1');
    assert.equal(cp1.results.length, doc.results.length - 1);
    assert.ok(cp1.results.some((r) => r.subject.type === 'resource'), 'resource results stay');
    assert.ok(!cp1.results.some((r) => 'node' in r.subject && r.subject.node === 'cp2'));
    assert.equal(cp1.summary.fail, 2);
    assert.equal(documentForAsset(doc, 'not-a-node'), doc, 'a name that is no node only names the asset');
    assert.equal(documentForAsset(doc, undefined), doc);
  });

  it('renders checklists for stig-v2r2 by default and leaves other formats to their reporters', async () => {
    const doc = sampleDocument();
    const text = await renderBenchmarkOutput(doc, 'ckl', { assetName: 'cp1' });
    assert.equal(readCkl(text!).vulns.length, 95);
    assert.equal(await renderBenchmarkOutput(doc, 'table', {}), undefined);
    assert.equal(await renderBenchmarkOutput(doc, 'sarif', { benchmark: 'cis-1.9' }), undefined);
    assert.match((await renderBenchmarkOutput(doc, 'table', { benchmark: 'auto' }))!, /^CIS Kubernetes Benchmark v1\.11\n\(Kubernetes 1\.29: cis-1\.11\)/);
  });
});
