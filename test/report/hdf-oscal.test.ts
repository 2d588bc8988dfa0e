import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { benchmarkView } from '../../src/frameworks/view.js';
import { renderHdf } from '../../src/report/hdf.js';
import { oscalControlId, renderOscal } from '../../src/report/oscal.js';
import { assetOf } from '../../src/report/stig-checklist.js';
import { SAMPLE_CONTROLS, sampleDocument } from '../frameworks/sample-results.js';
import { jsonValidator, readJson, SCHEMAS } from './schema-check.js';

const doc = sampleDocument();
const view = benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS });
const shared = existsSync(SCHEMAS);

interface HdfControl { id: string; impact: number; tags: Record<string, unknown>; results: { status: string; code_desc: string; message?: string; skip_message?: string }[]; waiver_data?: Record<string, unknown> }
const hdf = JSON.parse(renderHdf(view, doc, assetOf(doc))) as { profiles: { controls: HdfControl[] }[] };
const control = (id: string) => hdf.profiles[0]!.controls.find((c) => c.id === id)!;

describe('hdf (Heimdall Data Format)', () => {
  it('validates against the HDF exec-json schema', { skip: !shared && '../shared is absent' }, () => {
    const validate = jsonValidator(readJson(join(SCHEMAS, 'hdf-exec-json.schema.json')));
    assert.equal(validate(hdf), '');
    assert.notEqual(validate({ ...hdf, profiles: [{ ...hdf.profiles[0], controls: [{ ...control('V-242376'), results: [{ status: 'weird', code_desc: 'x', start_time: 't' }] }] }] }), '', 'the schema check can fail');
    const cis = JSON.parse(renderHdf(benchmarkView(doc, 'cis-1.9', { controls: SAMPLE_CONTROLS }), doc, assetOf(doc))) as unknown;
    assert.equal(validate(cis), '');
  });

  it('has a control per STIG rule with the MITRE tags and a result per subject', () => {
    assert.equal(hdf.profiles[0]!.controls.length, 95);
    const first = control('V-242376');
    assert.deepEqual(first.tags.cci, ['CCI-000068']);
    assert.deepEqual(first.tags.nist, ['AC-17 (2)']);
    assert.equal(first.tags.rid, 'SV-242376r960759_rule');
    assert.equal(first.tags.stig_id, 'CNTR-K8-000150');
    assert.equal(first.impact, 0.5);
    assert.deepEqual(first.results.map((r) => r.status), ['passed']);
    assert.deepEqual(control('V-242377').results.map((r) => r.status), ['failed']);
    assert.deepEqual(control('V-242379').results.map((r) => r.status), ['error']);
    assert.equal(control('V-242380').impact, 0, 'not applicable');
    assert.deepEqual(control('V-242383').results.map((r) => r.status), ['skipped'], 'manual → Not Reviewed in Heimdall');
    assert.match(control('V-242383').results[0]!.skip_message!, /^manual check/);
    assert.deepEqual(control('V-242415').results.map((r) => r.status).sort(), ['failed', 'passed']);
    assert.equal(control('V-242378').waiver_data!.justification, 'Legacy client <ACME & Co> until migration');
    assert.equal(control('V-242378').waiver_data!.expiration_date, '2027-01-31');
  });
});

interface Oscal { 'assessment-results': { results: { observations: { uuid: string; title: string; methods: string[] }[]; findings: { title: string; target: { 'target-id': string; status: { state: string } }; remarks?: string; 'related-observations': { 'observation-uuid': string }[] }[]; 'reviewed-controls': { 'control-selections': { 'include-controls'?: { 'control-id': string }[] }[] } }[] } }
const oscal = JSON.parse(renderOscal(view, doc, assetOf(doc))) as Oscal;
const result = oscal['assessment-results'].results[0]!;
const finding = (id: string) => result.findings.find((f) => f.title.startsWith(`${id}:`));

describe('oscal (OSCAL 1.1.3 assessment-results)', () => {
  it('validates against the OSCAL assessment-results schema', { skip: !shared && '../shared is absent' }, () => {
    const validate = jsonValidator(readJson(join(SCHEMAS, 'oscal_assessment-results_schema.json')));
    assert.equal(validate(oscal), '');
    assert.notEqual(validate({ 'assessment-results': { ...oscal['assessment-results'], uuid: 'not-a-uuid' } }), '', 'the schema check can fail');
    assert.equal(validate(JSON.parse(renderOscal(benchmarkView(doc, 'nsa-cisa-1.2', { controls: SAMPLE_CONTROLS }), doc, assetOf(doc)))), '');
  });

  it('has an observation per item and a finding per item with a verdict, tied to the benchmark item', () => {
    assert.equal(result.observations.length, 95);
    assert.equal(finding('V-242376')!.target.status.state, 'satisfied');
    assert.equal(finding('V-242376')!.target['target-id'], 'stig-v2r2_V-242376');
    assert.equal(finding('V-242377')!.target.status.state, 'not-satisfied');
    assert.equal(finding('V-242379')!.target.status.state, 'not-satisfied', 'error is never satisfied');
    assert.equal(finding('V-242378')!.target.status.state, 'not-satisfied');
    assert.match(finding('V-242378')!.remarks!, /Risk accepted by exception: .*Legacy client <ACME & Co>.*expires 2027-01-31/);
    assert.equal(finding('V-242383'), undefined, 'manual: observation only');
    assert.equal(finding('V-242380'), undefined, 'not applicable: observation only');
    const obs = result.observations.find((o) => o.uuid === finding('V-242377')!['related-observations'][0]!['observation-uuid'])!;
    assert.match(obs.title, /^V-242377/);
    assert.deepEqual(result.observations.find((o) => o.title.startsWith('V-242383'))!.methods, ['EXAMINE']);
    assert.ok(result['reviewed-controls']['control-selections'][0]!['include-controls']!.some((c) => c['control-id'] === 'ac-17.2'));
  });

  it('converts NIST 800-53 tags to OSCAL control ids', () => {
    assert.equal(oscalControlId('AC-17 (2)'), 'ac-17.2');
    assert.equal(oscalControlId('CM-6'), 'cm-6');
    assert.equal(oscalControlId('nonsense'), undefined);
  });
});
