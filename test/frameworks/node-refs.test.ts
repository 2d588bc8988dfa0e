import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';

/** The node families' references, checked against the shared reference data: no invented id. */
const FAMILIES = new Set(['kubelet', 'node-files', 'node-services']);
const CIS_DATA = JSON.parse(readFileSync('../shared/reference/cis.json', 'utf8')) as {
  versions: Record<string, { recommendations: { id: string; title: string }[] }>;
  eks: Record<string, { recommendations: { id: string; title: string }[] }>;
};
/** Item lists by framework key: cis-1.10, cis-eks-1.5.0, … */
const CIS = {
  versions: {
    ...CIS_DATA.versions,
    ...Object.fromEntries(Object.entries(CIS_DATA.eks).map(([version, list]) => [`cis-${version}`, list])),
  } as Record<string, { recommendations: { id: string; title: string }[] }>,
};
const STIG = JSON.parse(readFileSync('../shared/reference/stig.json', 'utf8')) as {
  rules: { vuln_id: string; severity_v2r2?: string; severity: string; title: string }[];
};
const SEVERITY: Record<string, string> = { high: 'high', medium: 'medium', low: 'low' };

describe('node control references', () => {
  const controls = CATALOG.filter((c) => FAMILIES.has(c.family));

  it('every CIS id exists in that edition of the benchmark', () => {
    for (const control of controls) {
      for (const ref of control.refs.filter((r) => r.framework.startsWith('cis-'))) {
        const items = CIS.versions[ref.framework]?.recommendations ?? [];
        assert.ok(items.some((item) => item.id === ref.id), `${control.id}: ${ref.framework} ${ref.id} does not exist`);
      }
    }
  });

  it('a CIS file-permission control cites the item whose threshold it checks', () => {
    for (const control of controls) {
      const mode = /permissions (\d{3})/.exec(control.title)?.[1];
      if (!mode) continue;
      for (const ref of control.refs.filter((r) => r.framework.startsWith('cis-'))) {
        const item = CIS.versions[ref.framework]!.recommendations.find((i) => i.id === ref.id)!;
        assert.match(item.title, new RegExp(`\\b${mode}\\b`), `${control.id} checks ${mode}, ${ref.framework} ${ref.id} says: ${item.title}`);
      }
    }
  });

  it('every STIG Vuln ID exists, and a STIG-only control has the rule\'s severity (CAT I/II/III = high/medium/low)', () => {
    for (const control of controls) {
      const stigRefs = control.refs.filter((r) => r.framework === 'stig-v2r2');
      for (const ref of stigRefs) {
        const rule = STIG.rules.find((r) => r.vuln_id === ref.id);
        assert.ok(rule, `${control.id}: ${ref.id} is not a STIG rule`);
        assert.equal(control.severity, SEVERITY[rule.severity_v2r2 ?? rule.severity], `${control.id}: severity of ${ref.id}`);
      }
    }
  });
});
