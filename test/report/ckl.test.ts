import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { benchmarkView } from '../../src/frameworks/view.js';
import { mergeCkl, readCkl, renderCkl } from '../../src/report/ckl.js';
import { cklStatus, assetOf, AssetError } from '../../src/report/stig-checklist.js';
import { SAMPLE_CONTROLS, sampleDocument } from '../frameworks/sample-results.js';
import { STIG_REFERENCE, XMLLINT, xsdErrors, xmlWellFormedErrors } from './schema-check.js';

const doc = sampleDocument();
const view = benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS });
const asset = assetOf(doc, { techArea: 'UNIX OS' });
const ckl = renderCkl(view, doc, asset);
const parsed = readCkl(ckl);
const vuln = (id: string) => parsed.vulns.find((v) => v.data.Vuln_Num?.[0] === id)!;
const XSD = join(STIG_REFERENCE, 'U_Checklist_Schema_V2.xsd');

describe('ckl (STIG Viewer 2 checklist)', () => {
  it('validates against the STIG Viewer checklist schema U_Checklist_Schema_V2.xsd', { skip: (!XMLLINT || !existsSync(XSD)) && 'needs xmllint and ../shared' }, () => {
    assert.equal(xsdErrors(ckl, XSD), '');
  });

  it('has one VULN per STIG rule, automated or not, with the DISA identifiers', () => {
    assert.equal(parsed.vulns.length, 95);
    const first = vuln('V-242376');
    assert.deepEqual(first.data.Rule_ID, ['SV-242376r960759_rule']);
    assert.deepEqual(first.data.Rule_Ver, ['CNTR-K8-000150']);
    assert.deepEqual(first.data.Severity, ['medium']);
    assert.deepEqual(first.data.Group_Title, ['SRG-APP-000014-CTR-000035']);
    assert.deepEqual(first.data.CCI_REF, ['CCI-000068']);
    assert.match(first.data.Check_Content![0]!, /tls-min-version/);
    assert.match(first.data.Check_Content![0]!, /\[kubeharden: check text V1R9; rule id V2R1; discussion and fix text V2R1/, 'says which release a text came from');
    assert.match(first.data.Fix_Text![0]!, /VersionTLS12/);
    assert.match(first.data.STIGRef![0]!, /Version 2, Release: 2 Benchmark Date: 24 Oct 2024/);
    for (const v of parsed.vulns) {
      for (const name of ['Vuln_Num', 'Severity', 'Rule_ID', 'Rule_Ver', 'Rule_Title', 'Vuln_Discuss', 'Check_Content', 'Fix_Text', 'CCI_REF']) {
        assert.ok(v.data[name]?.[0], `${v.data.Vuln_Num?.[0]} ${name}`);
      }
    }
    assert.equal(parsed.stigInfo.stigid, 'Kubernetes_STIG');
    assert.equal(parsed.stigInfo.releaseinfo, 'Release: 2 Benchmark Date: 24 Oct 2024');
  });

  it('maps every item status to the four STIG Viewer statuses; nothing unseen is NotAFinding', () => {
    assert.equal(vuln('V-242376').status, 'NotAFinding');
    assert.equal(vuln('V-242377').status, 'Open');
    assert.equal(vuln('V-242378').status, 'Open', 'waived stays Open, with the waiver in COMMENTS');
    assert.equal(vuln('V-242379').status, 'Not_Reviewed', 'error');
    assert.equal(vuln('V-242380').status, 'Not_Applicable');
    assert.equal(vuln('V-242381').status, 'Not_Reviewed', 'not checked');
    assert.equal(vuln('V-242397').status, 'Not_Reviewed', 'manual result');
    assert.equal(vuln('V-242383').status, 'Not_Reviewed', 'manual rule');
    assert.equal(vuln('V-242395').status, 'NotAFinding', 'cluster result');
    assert.match(vuln('V-242395').findingDetails, /\[pass\] cluster prod: no kubernetes-dashboard/);
    const statuses = new Set(parsed.vulns.map((v) => v.status));
    assert.deepEqual([...statuses].sort(), ['NotAFinding', 'Not_Applicable', 'Not_Reviewed', 'Open']);
    assert.equal(cklStatus({ status: 'pass' }), 'NotAFinding');
  });

  it('puts the evidence in FINDING_DETAILS and waivers with expiry in COMMENTS, escaped and read back intact', () => {
    const failed = vuln('V-242377');
    assert.match(failed.findingDetails, /\[fail\] kube-scheduler on cp1 \(\/etc\/kubernetes\/manifests\/x\.yaml:12\): --tls-min-version is "VersionTLS10" <unsafe> & old/);
    assert.ok(ckl.includes('&lt;unsafe&gt; &amp; old'), 'markup is escaped in the XML');
    const waived = vuln('V-242378');
    assert.match(waived.comments, /Legacy client <ACME & Co> until migration Expires 2027-01-31\./);
    assert.match(waived.findingDetails, /waived/);
    const secrets = vuln('V-242415');
    assert.match(secrets.findingDetails, /\[fail\] Pod shop\/worker \[app\]: env DB_PASSWORD comes from secretKeyRef db\/password/);
    assert.match(secrets.findingDetails, /\[pass\] Pod shop\/api/);
    assert.match(vuln('V-242383').findingDetails, /No automated check/);
    assert.equal(vuln('V-242376').comments, '');
  });

  it('fills the asset from the node the results are about, and flags override it', () => {
    assert.equal(parsed.asset.HOST_NAME, 'cp1');
    assert.equal(parsed.asset.HOST_IP, '10.0.0.5');
    assert.equal(parsed.asset.TECH_AREA, 'UNIX OS');
    assert.equal(parsed.asset.ROLE, 'None');
    assert.match(parsed.asset.TARGET_COMMENT!, /kubeharden .* scan of node/);
    const named = readCkl(renderCkl(view, doc, assetOf(doc, { hostName: 'prod-cp1', role: 'Member Server', hostFqdn: 'cp1.example.org' })));
    assert.equal(named.asset.HOST_NAME, 'prod-cp1');
    assert.equal(named.asset.ROLE, 'Member Server');
    assert.equal(named.asset.HOST_FQDN, 'cp1.example.org');
    assert.throws(() => assetOf(doc, { role: 'Kubernetes Node' }), AssetError);
  });

  it('escapes characters XML 1.0 cannot carry', () => {
    const nasty = sampleDocument();
    nasty.results[1]!.message = 'bell\u0007 and ]]> and \ud800 lone';
    const text = renderCkl(benchmarkView(nasty, 'stig-v2r2', { controls: SAMPLE_CONTROLS }), nasty, asset);
    if (XMLLINT) assert.equal(xmlWellFormedErrors(text), '');
    assert.match(readCkl(text).vulns[1]!.findingDetails, /bell\\u0007 and \]\]> and \\ud800 lone/);
  });

  it('is the same for the same input', () => {
    assert.equal(renderCkl(view, doc, asset), ckl);
  });
});

describe('ckl --merge-into', () => {
  // An assessor's checklist: they reviewed a manual rule, commented an automated one and overrode a severity.
  const assessor = ckl
    .replace(/(<STIG_DATA><VULN_ATTRIBUTE>Vuln_Num<\/VULN_ATTRIBUTE><ATTRIBUTE_DATA>V-242383<\/ATTRIBUTE_DATA><\/STIG_DATA>[\s\S]*?)<STATUS>Not_Reviewed<\/STATUS>\s*<FINDING_DETAILS>[^<]*<\/FINDING_DETAILS>\s*<COMMENTS><\/COMMENTS>/,
      '$1<STATUS>NotAFinding</STATUS><FINDING_DETAILS>Interviewed the admin: namespaces per team.</FINDING_DETAILS><COMMENTS>Checked by J. Doe 2026-11-01</COMMENTS>')
    .replace(/(<ATTRIBUTE_DATA>V-242377<\/ATTRIBUTE_DATA>[\s\S]*?)<COMMENTS><\/COMMENTS>\s*<SEVERITY_OVERRIDE><\/SEVERITY_OVERRIDE>/,
      '$1<COMMENTS>POA&amp;M item 42</COMMENTS><SEVERITY_OVERRIDE>low</SEVERITY_OVERRIDE>')
    .replace('<HOST_NAME>cp1</HOST_NAME>', '<HOST_NAME>assessor-named-host</HOST_NAME>');
  const before = readCkl(assessor);
  const byId = (d: ReturnType<typeof readCkl>, id: string) => d.vulns.find((v) => v.data.Vuln_Num?.[0] === id)!;

  it('updates the automated rules and leaves manual entries, comments, overrides and the asset alone', () => {
    // A later scan: the scheduler is fixed, the secret is still in env.
    const later = sampleDocument();
    later.scan.finishedAt = '2026-11-30T10:00:00.000Z';
    later.results[1]!.status = 'pass';
    later.results[1]!.message = '--tls-min-version is VersionTLS13';
    const merged = mergeCkl(assessor, benchmarkView(later, 'stig-v2r2', { controls: SAMPLE_CONTROLS }), later);
    const after = readCkl(merged.text);
    assert.equal(after.vulns.length, 95, 'round trip keeps every rule');
    assert.equal(byId(after, 'V-242377').status, 'NotAFinding');
    assert.match(byId(after, 'V-242377').findingDetails, /2026-11-30.*\n.*VersionTLS13/);
    assert.equal(byId(after, 'V-242377').comments, 'POA&M item 42');
    assert.equal(byId(after, 'V-242377').severityOverride, 'low');
    assert.deepEqual(byId(after, 'V-242383'), byId(before, 'V-242383'), 'manual entry untouched');
    assert.equal(byId(after, 'V-242383').status, 'NotAFinding');
    assert.deepEqual(byId(after, 'V-242381'), byId(before, 'V-242381'), 'not checked by this scan: untouched');
    assert.equal(after.asset.HOST_NAME, 'assessor-named-host');
    assert.ok(merged.updated.includes('V-242377') && !merged.updated.includes('V-242383'));
    assert.deepEqual(merged.warnings, []);
    if (XMLLINT && existsSync(XSD)) assert.equal(xsdErrors(merged.text, XSD), '');
  });

  it('warns about checked rules the checklist does not have, and rejects a file that is no checklist', () => {
    const partial = assessor.replace(/<VULN>(?:(?!<\/VULN>)[\s\S])*?<ATTRIBUTE_DATA>V-242377<\/ATTRIBUTE_DATA>[\s\S]*?<\/VULN>\s*/, '');
    assert.equal(readCkl(partial).vulns.length, 94);
    const merged = mergeCkl(partial, view, doc);
    assert.match(merged.warnings[0]!, /V-242377/);
    assert.throws(() => mergeCkl('{"stigs": []}', view, doc), /not a STIG Viewer checklist/);
  });
});
