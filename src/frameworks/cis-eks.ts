import { versionedRefs, type Ref } from './refs.js';

/** The CIS Amazon EKS Benchmark versions whose item lists are in ../shared/reference/cis.json "eks". */
export const CIS_EKS_VERSIONS = ['1.5.0', '1.7.0', '1.8.0'] as const;
export type CisEksVersion = (typeof CIS_EKS_VERSIONS)[number];

/**
 * CIS Amazon EKS Benchmark references (framework `cis-eks-<version>`). `cisEks('5.4.1')` is the
 * same id in every version; `cisEks({ '1.7.0': '4.1.7' })` is an item that first appeared in 1.7.0.
 */
export function cisEks(ids: string | Partial<Record<CisEksVersion, string | null>>): Ref[] {
  return versionedRefs('cis-eks', CIS_EKS_VERSIONS, ids);
}
