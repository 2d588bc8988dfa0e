import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import { EKS_CAC_RULES } from '../../src/frameworks/eks-cac.js';

const cis = JSON.parse(readFileSync('../shared/reference/cis.json', 'utf8')) as { eks: Record<string, { recommendations: { id: string }[] }> };
const seed = readFileSync('../shared/seeds/complianceascode-eks-secure-configuration.txt', 'utf8');

it('every cis-eks ref names an item of that CIS Amazon EKS Benchmark version in cis.json', () => {
  for (const control of CATALOG) {
    for (const ref of control.refs.filter((r) => r.framework.startsWith('cis-eks-'))) {
      const version = ref.framework.slice('cis-eks-'.length);
      const items = cis.eks[`eks-${version}`]?.recommendations.map((r) => r.id);
      assert.ok(items, `${control.id}: no CIS EKS ${version} in cis.json`);
      assert.ok(items.includes(ref.id), `${control.id}: ${ref.framework} has no item ${ref.id}`);
    }
  }
});

it('the 17 ComplianceAsCode EKS rules and their CCE ids are those of the seed guide', () => {
  assert.equal(EKS_CAC_RULES.length, 17);
  const seedRules = [...seed.matchAll(/xccdf_org\.ssgproject\.content_rule_([a-z0-9_]+)/g)].map((m) => m[1]);
  assert.deepEqual(EKS_CAC_RULES.map((r) => r.id), seedRules);
  for (const rule of EKS_CAC_RULES) {
    const block = seed.slice(seed.indexOf(`content_rule_${rule.id}`)).split('Rule\n')[0]!;
    const cce = /CCE-\d+-\d/.exec(block.split('References:')[0]!)?.[0];
    assert.equal('cce' in rule ? rule.cce : undefined, cce, rule.id);
  }
});

it('every eks-cac ref of a control names a rule of the guide, and its cce ref matches', () => {
  const known = new Map<string, string | undefined>(EKS_CAC_RULES.map((r) => [r.id, 'cce' in r ? r.cce : undefined]));
  for (const control of CATALOG) {
    for (const ref of control.refs.filter((r) => r.framework === 'eks-cac')) {
      assert.ok(known.has(ref.id), `${control.id}: unknown eks-cac rule ${ref.id}`);
      const cce = known.get(ref.id);
      if (cce) assert.ok(control.refs.some((r) => r.framework === 'cce' && r.id === cce), `${control.id}: missing ${cce}`);
    }
  }
});
