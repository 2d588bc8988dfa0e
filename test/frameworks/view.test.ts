import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import { STATUSES, type Status } from '../../src/controls/control.js';
import { chooseBenchmark, cisBenchmarkFor, kubernetesVersionOf } from '../../src/frameworks/benchmark-choice.js';
import { benchmarkRows } from '../../src/frameworks/reporter-view.js';
import { FRAMEWORKS, findFramework } from '../../src/frameworks/registry.js';
import { benchmarkView, itemStatus, scoreOf, UnknownBenchmarkError } from '../../src/frameworks/view.js';
import { SAMPLE_CONTROLS, sampleDocument } from './sample-results.js';

const counts = (partial: Partial<Record<Status, number>>) => ({ ...Object.fromEntries(STATUSES.map((s) => [s, 0])), ...partial }) as Record<Status, number>;

describe('item status', () => {
  const table: [string, number, number, Partial<Record<Status, number>>, string][] = [
    ['no control → manual', 0, 0, {}, 'manual'],
    ['controls but no result → not-checked', 1, 1, {}, 'not-checked'],
    ['all pass → pass', 1, 0, { pass: 3 }, 'pass'],
    ['one fail among passes → fail', 1, 0, { pass: 3, fail: 1 }, 'fail'],
    ['fail wins over error', 2, 0, { fail: 1, error: 1 }, 'fail'],
    ['error with passes is never pass', 1, 0, { pass: 5, error: 1 }, 'error'],
    ['manual result with passes → manual', 1, 0, { pass: 2, manual: 1 }, 'manual'],
    ['passes but another control saw nothing → not-checked', 2, 1, { pass: 2 }, 'not-checked'],
    ['a fail still shows when another control saw nothing', 2, 1, { fail: 1 }, 'fail'],
    ['every failure waived → waived', 1, 0, { pass: 1, waived: 2 }, 'waived'],
    ['all not-applicable → not-applicable', 1, 0, { 'not-applicable': 2 }, 'not-applicable'],
    ['pass and not-applicable → pass', 1, 0, { pass: 1, 'not-applicable': 2 }, 'pass'],
  ];
  for (const [name, controls, unchecked, partial, expected] of table) {
    it(name, () => assert.equal(itemStatus(controls, unchecked, counts(partial)), expected));
  }
});

describe('benchmarkView', () => {
  const doc = sampleDocument();
  const view = benchmarkView(doc, 'stig-v2r2', { controls: SAMPLE_CONTROLS });
  const status = (id: string) => view.items.find((i) => i.id === id)?.status;

  it('lists every STIG rule, automated or not, in benchmark order', () => {
    assert.equal(view.items.length, 95);
    assert.equal(view.items[0]!.id, 'V-242376');
    assert.deepEqual(view.items.map((i) => i.id), findFramework('stig-v2r2')!.items.map((i) => i.id));
  });

  it('gives each item its status from the results of its controls', () => {
    assert.equal(status('V-242376'), 'pass');
    assert.equal(status('V-242377'), 'fail');
    assert.equal(status('V-242378'), 'waived');
    assert.equal(status('V-242379'), 'error');
    assert.equal(status('V-242380'), 'not-applicable');
    assert.equal(status('V-242381'), 'not-checked');
    assert.equal(status('V-242415'), 'fail');
    assert.equal(status('V-242397'), 'manual');
    assert.equal(status('V-242383'), 'manual');
  });

  it('keeps manual items with their audit text and no controls', () => {
    const manual = view.items.find((i) => i.id === 'V-242383')!;
    assert.equal(manual.automated, false);
    assert.deepEqual(manual.controls, []);
    assert.match(manual.auditText, /namespace/i);
    assert.equal(view.counts.manual, 95 - SAMPLE_CONTROLS.filter((c) => c.refs.some((r) => r.framework === 'stig-v2r2')).length + 1);
  });

  it('lists the controls behind an item and which of them saw nothing', () => {
    const item = view.items.find((i) => i.id === 'V-242381')!;
    assert.deepEqual(item.controls, ['controller-manager-service-account-credentials']);
    assert.deepEqual(item.unchecked, ['controller-manager-service-account-credentials']);
    const secrets = view.items.find((i) => i.id === 'V-242415')!;
    assert.equal(secrets.results.length, 2);
    assert.equal(secrets.counts.fail, 1);
  });

  it('scores automated items passed / evaluated (pass, fail, error); waived, n/a, manual and not-checked are left out', () => {
    // pass: 376, 395; fail: 377, 415; error: 379 → 2 of 5
    assert.deepEqual(view.score, { passed: 2, evaluated: 5, automated: 9, percent: 40 });
    assert.deepEqual(scoreOf([]), { passed: 0, evaluated: 0, automated: 0, percent: null });
  });

  it('takes controls from the results when the catalog does not know them (a saved document)', () => {
    const fromDoc = benchmarkView(doc, 'stig-v2r2', { controls: [] });
    assert.equal(fromDoc.items.find((i) => i.id === 'V-242377')!.status, 'fail');
    assert.equal(fromDoc.items.find((i) => i.id === 'V-242381')!.status, 'manual', 'no control known at all: manual');
  });

  it('maps Baseline controls into Restricted, and Restricted overrides by id', () => {
    const restricted = benchmarkView(doc, 'pss-restricted', { controls: SAMPLE_CONTROLS });
    assert.equal(restricted.items.find((i) => i.id === 'privileged')!.automated, true);
    const ids = restricted.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(ids.includes('seccomp') && ids.includes('volume-types'));
    const baselineSeccomp = benchmarkView({ results: [] }, 'pss-restricted', { controls: [{ id: 'seccomp-baseline', refs: [{ framework: 'pss-baseline', id: 'seccomp' }] }] });
    assert.equal(baselineSeccomp.items.find((i) => i.id === 'seccomp')!.automated, false, 'a Baseline seccomp control does not satisfy Restricted seccomp');
  });

  it('accepts cis-eks refs with or without the patch version', () => {
    const eks = benchmarkView({ results: [] }, 'cis-eks-1.8.0', { controls: [{ id: 'x', refs: [{ framework: 'cis-eks-1.8', id: '3.2.1' }] }] });
    assert.deepEqual(eks.items.find((i) => i.id === '3.2.1')!.controls, ['x']);
  });

  it('rejects an unknown benchmark', () => {
    assert.throws(() => benchmarkView(doc, 'cis-9.9'), UnknownBenchmarkError);
  });

  it('flattens into one row per item and subject for row-oriented reporters', () => {
    const rows = benchmarkRows(view);
    assert.equal(rows.framework, 'stig-v2r2');
    assert.equal(rows.score, 40);
    assert.equal(rows.items.filter((r) => r.item === 'V-242415').length, 2);
    const manual = rows.items.find((r) => r.item === 'V-242383')!;
    assert.equal(manual.status, 'manual');
    assert.equal(manual.message, manual.message.trim());
    assert.match(manual.message, /namespace/i, 'the audit text');
    assert.match(rows.items.find((r) => r.item === 'V-242381')!.message, /^not checked by this scan/);
    assert.equal(new Set(rows.items.map((r) => r.item)).size, 95, 'no item dropped');
  });
});

describe('benchmark registry', () => {
  it('knows every benchmark item a control of the catalog cites (no ref silently lost)', () => {
    const known = new Set(FRAMEWORKS.flatMap((f) => f.items.flatMap((i) => i.refs.map((r) => `${r.framework} ${r.id}`))));
    // NIST 800-53 and CCE are identifier systems, not benchmarks with an item list.
    const identifiersOnly = ['nist-800-53', 'cce'];
    const dangling = CATALOG.flatMap((c) => c.refs.filter((r) => !identifiersOnly.includes(r.framework) && !known.has(`${r.framework} ${r.id}`)).map((r) => `${c.id} → ${r.framework} ${r.id}`));
    assert.deepEqual(dangling, []);
  });

  it('has every benchmark with unique item ids', () => {
    assert.deepEqual(FRAMEWORKS.map((f) => f.id), [
      'cis-1.7', 'cis-1.8', 'cis-1.9', 'cis-1.10', 'cis-1.11', 'cis-1.12', 'stig-v2r2', 'nsa-cisa-1.2', 'pss-baseline', 'pss-restricted', 'eks-cac',
      'cis-eks-1.5.0', 'cis-eks-1.7.0', 'cis-eks-1.8.0',
    ]);
    for (const f of FRAMEWORKS) assert.equal(new Set(f.items.map((i) => i.id)).size, f.items.length, f.id);
  });

  it('has every CIS item with id, title, section and Automated/Manual', () => {
    const sizes = Object.fromEntries(FRAMEWORKS.filter((f) => f.kind === 'cis').map((f) => [f.id, f.items.length]));
    assert.deepEqual(sizes, { 'cis-1.7': 131, 'cis-1.8': 130, 'cis-1.9': 130, 'cis-1.10': 130, 'cis-1.11': 133, 'cis-1.12': 131 });
    for (const f of FRAMEWORKS.filter((x) => x.kind === 'cis')) {
      for (const item of f.items) {
        assert.ok(item.title && item.section && item.audit, `${f.id} ${item.id}`);
        assert.ok(item.assessment === 'Automated' || item.assessment === 'Manual');
      }
    }
    assert.equal(findFramework('cis-1.9')!.items.find((i) => i.id === '5.2.2')!.level, 1);
  });

  it('has every STIG rule with Vuln ID, Rule ID, STIG ID, CAT, texts and CCIs, each text with its release', () => {
    const stig = findFramework('stig-v2r2')!;
    assert.equal(stig.items.length, 95);
    for (const { stig: rule } of stig.items) {
      assert.ok(rule);
      assert.match(rule.vulnId, /^V-\d+$/);
      assert.match(rule.ruleId, new RegExp(`^S${rule.vulnId}r\\d+_rule$`));
      assert.match(rule.stigId, /^CNTR-K8-\d{6}$/);
      assert.ok(['high', 'medium', 'low'].includes(rule.severity));
      assert.ok(rule.title && rule.discussion && rule.checkText && rule.fixText, rule.vulnId);
      assert.match(rule.fixId, /^F-\d+r\d+_fix$/);
      assert.ok(rule.ccis.length > 0 && rule.ccis.every((c) => /^CCI-\d{6}$/.test(c)), rule.vulnId);
      assert.ok(['V2R1', 'V1R9'].includes(rule.ruleIdRelease));
    }
    const v242376 = stig.items[0]!.stig!;
    assert.deepEqual([v242376.ruleId, v242376.stigId, v242376.fixId, v242376.ccis], ['SV-242376r960759_rule', 'CNTR-K8-000150', 'F-45609r863732_fix', ['CCI-000068']]);
    // V2R2 raised these two from CAT II to CAT I (seed list letter c).
    assert.equal(stig.items.find((i) => i.id === 'V-245543')!.severity, 'high');
    assert.equal(stig.items.filter((i) => i.stig!.inV2r2RuleList).length, 63);
  });

  it('has NSA/CISA, PSS and ComplianceAsCode EKS items', () => {
    assert.equal(findFramework('nsa-cisa-1.2')!.items.length, 53);
    assert.ok(findFramework('nsa-cisa-1.2')!.items.some((i) => i.id === 'pod-security/privileged'));
    assert.equal(findFramework('pss-baseline')!.items.length, 12);
    assert.equal(findFramework('pss-restricted')!.items.length, 16);
    const eks = findFramework('eks-cac')!;
    assert.equal(eks.items.length, 17);
    assert.ok(eks.items.some((i) => i.id === 'audit_logging'));
    const byCce = benchmarkView({ results: [] }, 'eks-cac', { controls: [{ id: 'audit', refs: [{ framework: 'cce', id: 'CCE-87445-3' }] }] });
    assert.deepEqual(byCce.items.find((i) => i.id === 'audit_logging')!.controls, ['audit'], 'a CCE ref maps to its rule');
  });
});

describe('--benchmark auto', () => {
  const table: [string | undefined, string][] = [
    ['v1.25.3', 'cis-1.7'], ['1.26', 'cis-1.8'], ['v1.27.0', 'cis-1.9'], ['v1.28.9-eks-abc', 'cis-1.10'],
    ['1.29', 'cis-1.11'], ['v1.31.1', 'cis-1.11'], ['v1.32.0', 'cis-1.12'], ['v1.34.2', 'cis-1.12'],
    ['v1.36.0', 'cis-1.12'], ['v1.20.0', 'cis-1.7'], [undefined, 'cis-1.12'], ['garbage', 'cis-1.12'],
  ];
  for (const [version, expected] of table) {
    it(`Kubernetes ${version ?? 'unknown'} → ${expected}`, () => assert.equal(cisBenchmarkFor(version).id, expected));
  }
  it('says why when it falls back to the newest', () => {
    assert.match(cisBenchmarkFor(undefined).note!, /unknown.*newest/);
    assert.match(cisBenchmarkFor('v1.36.0').note!, /newer than any/);
  });
  it('reads the version from the scan targets', () => {
    assert.equal(kubernetesVersionOf(sampleDocument()), 'v1.29.4');
    assert.equal(chooseBenchmark('auto', sampleDocument()).id, 'cis-1.11');
    assert.equal(chooseBenchmark('auto', { scan: { startedAt: '', finishedAt: '', targets: [{ type: 'cluster', serverVersion: { gitVersion: 'v1.27.2' } }] } }).id, 'cis-1.9');
    assert.equal(chooseBenchmark('stig-v2r2', sampleDocument()).id, 'stig-v2r2');
  });
});
