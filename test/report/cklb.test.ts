import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { benchmarkView } from '../../src/frameworks/view.js';
import { mergeCklb, renderCklb } from '../../src/report/cklb.js';
import { assetOf } from '../../src/report/stig-checklist.js';
import { SAMPLE_CONTROLS, sampleDocument } from '../frameworks/sample-results.js';
import { STIG_REFERENCE } from './schema-check.js';

const doc = sampleDocument();
const view = benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS });
const text = renderCklb(view, doc, assetOf(doc, { hostName: 'prod-cp1' }));

interface Rule { group_id: string; status: string; finding_details: string; comments: string; [key: string]: unknown }
interface Cklb { target_data: Record<string, unknown>; stigs: { rules: Rule[]; [key: string]: unknown }[]; [key: string]: unknown }
const cklb = JSON.parse(text) as Cklb;
const rule = (c: Cklb, id: string) => c.stigs[0]!.rules.find((r) => r.group_id === id)!;
const samples = existsSync(STIG_REFERENCE) ? readdirSync(STIG_REFERENCE).filter((f) => f.endsWith('.cklb')) : [];

describe('cklb (STIG Viewer 3 checklist)', () => {
  it('has every key, at every level, that the real .cklb samples have, with the same value types', { skip: samples.length === 0 && '../shared is absent' }, () => {
    for (const file of samples) {
      const sample = JSON.parse(readFileSync(join(STIG_REFERENCE, file), 'utf8')) as Cklb;
      const missing = (want: Record<string, unknown>, have: Record<string, unknown>, where: string) => {
        for (const [key, value] of Object.entries(want)) {
          if (key === 'evaluate-stig') continue; // Evaluate-STIG's own block
          assert.ok(key in have, `${file}: ${where}.${key} is missing`);
          if (value !== null && have[key] !== null && !(where.endsWith('rules[]') && /^(false_|mitigations|potential_|third_party|mitigation_control|responsibility|security_override|ia_controls)/.test(key))) {
            assert.equal(Array.isArray(have[key]), Array.isArray(value), `${file}: ${where}.${key} array-ness`);
            assert.equal(typeof have[key], typeof value, `${file}: ${where}.${key} type`);
          }
        }
      };
      missing(sample, cklb, 'root');
      missing(sample.target_data, cklb.target_data, 'target_data');
      missing(sample.stigs[0]!, cklb.stigs[0]!, 'stigs[]');
      missing(sample.stigs[0]!.rules[0]!, cklb.stigs[0]!.rules[0]!, 'stigs[].rules[]');
    }
  });

  it('has every STIG rule with lower-case statuses', () => {
    const rules = cklb.stigs[0]!.rules;
    assert.equal(rules.length, 95);
    assert.equal(cklb.stigs[0]!.size, 95);
    assert.equal(rule(cklb, 'V-242376').status, 'not_a_finding');
    assert.equal(rule(cklb, 'V-242377').status, 'open');
    assert.equal(rule(cklb, 'V-242378').status, 'open');
    assert.equal(rule(cklb, 'V-242379').status, 'not_reviewed');
    assert.equal(rule(cklb, 'V-242380').status, 'not_applicable');
    assert.equal(rule(cklb, 'V-242383').status, 'not_reviewed');
    assert.deepEqual(new Set(rules.map((r) => r.status)), new Set(['not_a_finding', 'open', 'not_applicable', 'not_reviewed']));
    const first = rule(cklb, 'V-242376');
    assert.deepEqual([first.rule_id_src, first.rule_id, first.rule_version, first.severity, first.ccis], ['SV-242376r960759_rule', 'SV-242376r960759', 'CNTR-K8-000150', 'medium', ['CCI-000068']]);
    assert.equal(cklb.target_data.host_name, 'prod-cp1');
    assert.equal(cklb.target_data.ip_address, '10.0.0.5');
  });

  it('carries evidence and waiver comments as plain JSON strings', () => {
    assert.match(rule(cklb, 'V-242377').finding_details, /"VersionTLS10" <unsafe> & old/);
    assert.match(rule(cklb, 'V-242378').comments, /Legacy client <ACME & Co> until migration Expires 2027-01-31/);
    assert.equal(rule(cklb, 'V-242376').comments, '');
  });

  it('--merge-into updates checked rules only and keeps the assessor\'s entries', () => {
    const assessor = JSON.parse(text) as Cklb;
    Object.assign(rule(assessor, 'V-242383'), { status: 'not_a_finding', finding_details: 'interviewed', comments: 'J. Doe' });
    rule(assessor, 'V-242377').comments = 'POA&M 42';
    const later = sampleDocument();
    later.results[1]!.status = 'pass';
    const merged = mergeCklb(JSON.stringify(assessor), benchmarkView(later, 'stig-v2r2', { controls: SAMPLE_CONTROLS }), later);
    const after = JSON.parse(merged.text) as Cklb;
    assert.equal(after.stigs[0]!.rules.length, 95);
    assert.equal(rule(after, 'V-242377').status, 'not_a_finding');
    assert.equal(rule(after, 'V-242377').comments, 'POA&M 42');
    assert.deepEqual(rule(after, 'V-242383'), rule(assessor, 'V-242383'));
    assert.deepEqual(rule(after, 'V-242381'), rule(assessor, 'V-242381'));
    assert.throws(() => mergeCklb('<CHECKLIST/>', view, doc), /not a STIG Viewer 3 checklist/);
  });
});
