import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { benchmarkView } from '../../src/frameworks/view.js';
import { assetOf } from '../../src/report/stig-checklist.js';
import { renderXccdf } from '../../src/report/xccdf.js';
import { SAMPLE_CONTROLS, sampleDocument } from '../frameworks/sample-results.js';
import { SCHEMAS, XMLLINT, xsdErrors } from './schema-check.js';

const XSD = join(SCHEMAS, 'xccdf-1.2', 'xccdf', '1.2', 'xccdf_1.2.xsd');
const doc = sampleDocument();
const stig = renderXccdf(benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS }), doc, assetOf(doc));
const resultOf = (xml: string, idref: string) => new RegExp(`<rule-result idref="${idref}"[^>]*>\\s*<result>([a-z]+)</result>`).exec(xml)?.[1];

describe('xccdf (XCCDF 1.2 TestResult)', () => {
  it('validates against the XCCDF 1.2 schema, for the STIG and for a CIS benchmark', { skip: (!XMLLINT || !existsSync(XSD)) && 'needs xmllint and ../shared' }, () => {
    assert.equal(xsdErrors(stig, XSD), '');
    const cis = renderXccdf(benchmarkView(doc, 'cis-1.9', { controls: SAMPLE_CONTROLS }), doc, assetOf(doc));
    assert.equal(xsdErrors(cis, XSD), '');
    assert.match(xsdErrors(stig.replace('<result>fail</result>', '<result>waived</result>'), XSD), /result/, 'the schema check can fail');
  });

  it('has a rule-result per STIG rule with the DISA rule ids and every result kind', () => {
    assert.equal((stig.match(/<rule-result /g) ?? []).length, 95);
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242376r960759_rule'), 'pass');
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242377r960759_rule'), 'fail');
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242378r960759_rule'), 'fail', 'waived stays fail');
    assert.match(stig, /Legacy client &lt;ACME &amp; Co&gt; until migration, expires 2027-01-31/);
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242379r960759_rule'), 'error');
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242380r960759_rule'), 'notapplicable');
    assert.equal(resultOf(stig, 'xccdf_mil.disa.stig_rule_SV-242381r960768_rule'), 'notchecked');
    assert.match(stig, /<ident system="http:\/\/cyber.mil\/cci">CCI-000068<\/ident>/);
    assert.match(stig, /<score system="urn:xccdf:scoring:default" maximum="100">40<\/score>/);
    assert.match(stig, /<target>cp1<\/target>\s*<target-address>10.0.0.5<\/target-address>/);
  });
});
