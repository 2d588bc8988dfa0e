/** A benchmark item a control implements, e.g. { framework: 'cis-1.9', id: '5.2.2' }. */
export interface Ref {
  framework: string;
  id: string;
}

export const CIS_VERSIONS = ['1.7', '1.8', '1.9', '1.10', '1.11', '1.12'] as const;
export type CisVersion = (typeof CIS_VERSIONS)[number];

/**
 * CIS Kubernetes Benchmark references across versions 1.7–1.12.
 * `cis('5.2.3')` is the same id in every version; `cis({ '1.7': '5.7.2', '1.11': '5.6.2' })`
 * means 5.7.2 from 1.7 until 1.11 renumbered it 5.6.2; `null` means the item was withdrawn.
 */
export function cis(ids: string | Partial<Record<CisVersion, string | null>>): Ref[] {
  const byVersion = typeof ids === 'string' ? { '1.7': ids } : ids;
  const refs: Ref[] = [];
  let current: string | null | undefined;
  for (const version of CIS_VERSIONS) {
    if (version in byVersion) current = byVersion[version];
    if (current) refs.push({ framework: `cis-${version}`, id: current });
  }
  return refs;
}

export function stig(...vulnIds: string[]): Ref[] {
  return vulnIds.map((id) => ({ framework: 'stig-v2r2', id }));
}

export function nsaCisa(...ids: string[]): Ref[] {
  return ids.map((id) => ({ framework: 'nsa-cisa-1.2', id }));
}

export function pss(level: 'baseline' | 'restricted', id: string): Ref[] {
  return [{ framework: `pss-${level}`, id }];
}

export function eksCac(...ids: string[]): Ref[] {
  return ids.map((id) => ({ framework: 'eks-cac', id }));
}

export function nist(...ids: string[]): Ref[] {
  return ids.map((id) => ({ framework: 'nist-800-53', id }));
}
