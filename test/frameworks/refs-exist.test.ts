import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';

/** Every benchmark id a control cites must exist in ../shared/reference: ids are facts, never invented. */
const REFERENCE = join('..', 'shared', 'reference');
const read = (file: string) => JSON.parse(readFileSync(join(REFERENCE, file), 'utf8')) as Record<string, unknown>;

const cisIds = new Map<string, Set<string>>();
for (const [version, data] of Object.entries((read('cis.json').versions ?? {}) as Record<string, { recommendations: { id: string }[] }>)) {
  cisIds.set(version, new Set(data.recommendations.map((r) => r.id)));
}
const nsaIds = new Set((read('nsa-cisa.json').recommendations as { id: string }[]).map((r) => r.id));
const stigJson = read('stig.json') as { rules: { vuln_id: string }[]; post_v2r2_rules?: { vuln_id: string }[] };
const stigIds = new Set([...stigJson.rules, ...(stigJson.post_v2r2_rules ?? [])].map((r) => r.vuln_id));
const pssControls = (read('pss.json').controls as { id: string; profile: string }[]);
const pssIds = new Set(pssControls.map((c) => c.id));

describe('framework references', () => {
  for (const control of CATALOG) {
    it(`${control.id} cites only ids that exist`, () => {
      for (const ref of control.refs) {
        if (ref.framework.startsWith('cis-') && cisIds.has(ref.framework)) {
          assert.ok(cisIds.get(ref.framework)!.has(ref.id), `${ref.framework} has no item ${ref.id}`);
        } else if (ref.framework === 'nsa-cisa-1.2') {
          assert.ok(nsaIds.has(ref.id), `NSA/CISA has no recommendation ${ref.id}`);
        } else if (ref.framework === 'stig-v2r2') {
          assert.ok(stigIds.has(ref.id), `the STIG has no ${ref.id}`);
        } else if (ref.framework === 'pss-baseline' || ref.framework === 'pss-restricted') {
          assert.ok(pssIds.has(`${ref.framework.slice(4)}/${ref.id}`), `the Pod Security Standards have no ${ref.framework.slice(4)}/${ref.id}`);
        }
      }
    });
  }

  it('every Pod Security Standards rule is implemented, so "would this pass PSA restricted?" is answerable', () => {
    const cited = new Set(CATALOG.flatMap((c) => c.refs).filter((r) => r.framework.startsWith('pss-')).map((r) => `${r.framework.slice(4)}/${r.id}`));
    assert.deepEqual(pssControls.map((c) => c.id).filter((id) => !cited.has(id)), []);
  });
});
