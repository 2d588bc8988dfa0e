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
  return versionedRefs('cis', CIS_VERSIONS, ids);
}

/**
 * Refs of a benchmark published in versions (oldest first): a string is the same id in every
 * version; in a map an id holds from its version until a later entry renumbers it, `null` withdraws it.
 */
export function versionedRefs<V extends string>(prefix: string, versions: readonly V[], ids: string | Partial<Record<V, string | null>>): Ref[] {
  const byVersion: Partial<Record<V, string | null>> = typeof ids === 'string' ? ({ [versions[0]!]: ids } as Partial<Record<V, string>>) : ids;
  const refs: Ref[] = [];
  let current: string | null | undefined;
  for (const version of versions) {
    if (version in byVersion) current = byVersion[version];
    if (current) refs.push({ framework: `${prefix}-${version}`, id: current });
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
