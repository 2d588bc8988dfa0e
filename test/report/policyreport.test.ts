import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { renderPolicyReport } from '../../src/report/policyreport.js';
import { sampleDocument } from '../frameworks/sample-results.js';
import { jsonValidator, SCHEMAS } from './schema-check.js';

interface Report { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; summary: Record<string, number>; results: { policy: string; result: string; resources?: unknown[]; properties: Record<string, string> }[] }
const reports = yaml.loadAll(renderPolicyReport(sampleDocument())) as Report[];

/** The v1alpha2 openAPIV3Schema of a wgpolicyk8s.io CRD. */
function crdSchema(file: string): object {
  const crd = yaml.load(readFileSync(join(SCHEMAS, file), 'utf8')) as { spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] } };
  return crd.spec.versions.find((v) => v.name === 'v1alpha2')!.schema.openAPIV3Schema;
}

describe('policyreport (wgpolicyk8s.io/v1alpha2)', () => {
  it('validates against the PolicyReport and ClusterPolicyReport CRD schemas', { skip: !existsSync(SCHEMAS) && '../shared is absent' }, () => {
    const policy = jsonValidator(crdSchema('wgpolicyk8s.io_policyreports.yaml'));
    const cluster = jsonValidator(crdSchema('wgpolicyk8s.io_clusterpolicyreports.yaml'));
    for (const report of reports) assert.equal((report.kind === 'PolicyReport' ? policy : cluster)(report), '', report.kind);
    assert.notEqual(policy({ ...reports[0], results: [{ policy: 'x', result: 'waived' }] }), '', 'the schema check can fail');
  });

  it('puts namespaced resources in a PolicyReport per namespace and the rest in a ClusterPolicyReport', () => {
    assert.deepEqual(reports.map((r) => [r.kind, r.metadata.namespace]), [['PolicyReport', 'shop'], ['ClusterPolicyReport', undefined]]);
    const shop = reports[0]!;
    assert.deepEqual(shop.summary, { pass: 1, fail: 1, warn: 0, error: 0, skip: 0 });
    assert.deepEqual(shop.results[1]!.resources, [{ apiVersion: 'v1', kind: 'Pod', name: 'worker', namespace: 'shop' }]);
    const cluster = reports[1]!;
    assert.deepEqual(cluster.summary, { pass: 2, fail: 1, warn: 1, error: 1, skip: 2 });
    const waived = cluster.results.find((r) => r.policy === 'apiserver-tls-min-version')!;
    assert.equal(waived.result, 'skip');
    assert.equal(waived.properties.waiver, 'Legacy client <ACME & Co> until migration');
    assert.equal(waived.properties.waiverExpires, '2027-01-31');
    assert.match(waived.properties.benchmarks!, /stig-v2r2:V-242378/);
  });
});
