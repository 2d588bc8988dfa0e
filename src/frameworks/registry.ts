import cisData from './data/cis.json' with { type: 'json' };
import cisEksData from './data/cis-eks.json' with { type: 'json' };
import eksCacData from './data/eks-cac.json' with { type: 'json' };
import nsaCisaData from './data/nsa-cisa.json' with { type: 'json' };
import pssData from './data/pss.json' with { type: 'json' };
import stigData from './data/stig-v2r2.json' with { type: 'json' };
import type { Framework, FrameworkItem, StigRule } from './framework.js';
import { CIS_VERSIONS } from './refs.js';

interface ItemData {
  id: string;
  title: string;
  section: string;
  level?: number | null;
  assessment: string | null;
  audit: string;
  severity?: string;
}

function items(framework: string, list: readonly ItemData[], aliases: (id: string) => string[] = () => [framework]): FrameworkItem[] {
  return list.map((item) => ({
    id: item.id,
    title: item.title,
    section: item.section,
    level: item.level ?? null,
    assessment: item.assessment === 'Automated' || item.assessment === 'Manual' ? item.assessment : null,
    audit: item.audit,
    ...(item.severity === 'high' || item.severity === 'medium' || item.severity === 'low' ? { severity: item.severity } : {}),
    refs: aliases(item.id).map((key) => ({ framework: key, id: item.id })),
  }));
}

function cisFrameworks(): Framework[] {
  const data = cisData as Record<string, { title: string; source: string; items: ItemData[] }>;
  return CIS_VERSIONS.map((version) => {
    const id = `cis-${version}`;
    const entry = data[id]!;
    return { id, kind: 'cis', title: entry.title, version, source: entry.source, items: items(id, entry.items) };
  });
}

function cisEksFrameworks(): Framework[] {
  const data = cisEksData as Record<string, { title: string; source: string; items: ItemData[] }>;
  return Object.entries(data).map(([id, entry]) => {
    const version = id.replace(/^cis-eks-/, '');
    // Controls may cite `cis-eks-1.8.0` or the shorter `cis-eks-1.8`.
    const keys = [id, `cis-eks-${version.replace(/\.0$/, '')}`];
    return { id, kind: 'cis-eks', title: entry.title, version, source: entry.source, items: items(id, entry.items, () => keys) };
  });
}

function stigFramework(): Framework {
  const { rules, ...stig } = stigData as Omit<typeof stigData, 'rules'> & { rules: StigRule[] };
  return {
    id: 'stig-v2r2',
    kind: 'stig',
    title: `${stig.title} V${stig.version}R${stig.release}`,
    version: `V${stig.version}R${stig.release}`,
    source: stig.provenance,
    stig,
    items: rules.map((rule) => ({
      id: rule.vulnId,
      title: rule.title,
      // Rules are listed in Vuln ID order; their SRGs interleave, so they are not sections.
      section: '',
      level: null,
      assessment: null,
      audit: rule.checkText,
      severity: rule.severity,
      refs: [{ framework: 'stig-v2r2', id: rule.vulnId }],
      stig: rule,
    })),
  };
}

function pssFrameworks(): Framework[] {
  const data = pssData as { source: string; baseline: { title: string; items: (ItemData & { profile: string })[] }; restricted: { title: string; items: (ItemData & { profile: string })[] } };
  const baseline: Framework = {
    id: 'pss-baseline', kind: 'pss', title: data.baseline.title, version: 'baseline', source: data.source,
    items: items('pss-baseline', data.baseline.items),
  };
  // A Baseline control inside Restricted is satisfied by a control citing either profile.
  const restricted: Framework = {
    id: 'pss-restricted', kind: 'pss', title: data.restricted.title, version: 'restricted', source: data.source,
    items: data.restricted.items.map((item) => items('pss-restricted', [item], () =>
      item.profile === 'baseline' ? ['pss-baseline', 'pss-restricted'] : ['pss-restricted'])[0]!),
  };
  return [baseline, restricted];
}

/** Every benchmark kubeharden can report against, in the order `controls --benchmark` lists them. */
export const FRAMEWORKS: readonly Framework[] = [
  ...cisFrameworks(),
  stigFramework(),
  {
    id: 'nsa-cisa-1.2', kind: 'nsa-cisa', title: nsaCisaData.title, version: '1.2', source: nsaCisaData.source,
    items: items('nsa-cisa-1.2', nsaCisaData.items),
  },
  ...pssFrameworks(),
  {
    id: 'eks-cac', kind: 'eks-cac', title: eksCacData.title, version: '', source: eksCacData.source,
    // A control may cite a ComplianceAsCode rule by its short id or by its CCE identifier.
    items: (eksCacData.items as (ItemData & { cce: string | null })[]).map((item) => {
      const [mapped] = items('eks-cac', [item]);
      if (item.cce) mapped!.refs.push({ framework: 'cce', id: item.cce });
      return mapped!;
    }),
  },
  ...cisEksFrameworks(),
];

export const FRAMEWORK_IDS: readonly string[] = FRAMEWORKS.map((f) => f.id);

export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id) ?? FRAMEWORKS.find((f) => f.items[0]?.refs.some((r) => r.framework === id) && f.kind === 'cis-eks');
}
