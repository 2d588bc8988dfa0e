import type { Severity } from '../controls/control.js';
import type { Ref } from './refs.js';

/** One DISA STIG rule with the release each of its texts comes from (src/frameworks/data/stig-v2r2.json). */
export interface StigRule {
  vulnId: string;
  ruleId: string;
  ruleIdRelease: string;
  stigId: string;
  srg: string;
  severity: 'high' | 'medium' | 'low';
  weight: string;
  title: string;
  titleRelease: string;
  discussion: string;
  discussionRelease: string;
  checkText: string;
  checkId: string;
  checkRelease: string;
  fixText: string;
  fixId: string;
  fixRelease: string;
  ccis: string[];
  cciRelease: string;
  nist: string[];
  component: string | null;
  /** Listed in the V2R2 rule list; false = carried over from V1R9, presence in V2R2 unverified. */
  inV2r2RuleList: boolean;
}

/** One benchmark item (a CIS recommendation, a STIG rule, an NSA/CISA recommendation, a PSS control…). */
export interface FrameworkItem {
  id: string;
  title: string;
  section: string;
  /** CIS profile level (1 or 2) where the source gives it; null when unknown. */
  level: number | null;
  /** What the benchmark itself says: Automated or Manual assessment (null when it does not say). */
  assessment: 'Automated' | 'Manual' | null;
  /** What to check, in short (the benchmark's audit procedure summarised, or the STIG check text). */
  audit: string;
  /** STIG rules and other benchmarks with a severity. */
  severity?: Severity;
  /** The (framework, id) references that map a control to this item. */
  refs: Ref[];
  stig?: StigRule;
}

export type FrameworkKind = 'cis' | 'cis-eks' | 'stig' | 'nsa-cisa' | 'pss' | 'eks-cac';

/** A benchmark: an ordered item list. Controls point at items through their refs. */
export interface Framework {
  /** The framework key of DESIGN.md, e.g. `cis-1.9`, `stig-v2r2`. */
  id: string;
  kind: FrameworkKind;
  title: string;
  version: string;
  /** Where the item list comes from. */
  source: string;
  items: FrameworkItem[];
  /** STIG only: the STIG's own identity for checklists. */
  stig?: { title: string; stigId: string; version: string; release: string; releaseInfo: string; filename: string; description: string; provenance: string };
}
