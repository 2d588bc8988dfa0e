import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';

/** Reference data read in place (../shared/reference), as the corpus is. */
const REFERENCE = join('..', 'shared', 'reference');
const cis = JSON.parse(readFileSync(join(REFERENCE, 'cis.json'), 'utf8')) as {
  versions: Record<string, { recommendations: { id: string; title: string }[] }>;
};
const stig = JSON.parse(readFileSync(join(REFERENCE, 'stig.json'), 'utf8')) as { rules: { vuln_id: string; severity_v2r2?: string; severity: string }[] };
const nsa = JSON.parse(readFileSync(join(REFERENCE, 'nsa-cisa.json'), 'utf8')) as { recommendations: { id?: string }[] };

const componentControls = CATALOG.filter((c) => c.scope === 'component');

describe('component controls: each cites one benchmark item across CIS editions', () => {
  for (const control of componentControls) {
    it(control.id, () => {
      const titles = new Set<string>();
      for (const ref of control.refs) {
        if (ref.framework.startsWith('cis-')) {
          const item = cis.versions[ref.framework]?.recommendations.find((r) => r.id === ref.id);
          assert.ok(item, `${ref.framework} has no item ${ref.id}`);
          titles.add(item.title);
        } else if (ref.framework === 'stig-v2r2') {
          const rule = stig.rules.find((r) => r.vuln_id === ref.id);
          assert.ok(rule, `stig.json has no rule ${ref.id}`);
        } else if (ref.framework === 'nsa-cisa-1.2') {
          assert.ok(nsa.recommendations.some((r) => r.id === ref.id), `nsa-cisa.json has no recommendation ${ref.id}`);
        }
      }
      // One control is one benchmark item: renumbered across CIS editions, never a different item.
      assert.ok(titles.size <= 1, `CIS refs name different items: ${[...titles].join(' | ')}`);
    });
  }
  it('severity is the highest STIG CAT the control carries (CAT I high, CAT II medium)', () => {
    const rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;
    for (const control of componentControls) {
      for (const ref of control.refs.filter((r) => r.framework === 'stig-v2r2')) {
        const rule = stig.rules.find((r) => r.vuln_id === ref.id)!;
        const severity = (rule.severity_v2r2 ?? rule.severity) as keyof typeof rank;
        assert.ok(rank[control.severity] >= rank[severity], `${control.id} is ${control.severity} but ${ref.id} is ${severity}`);
      }
    }
  });
});
