import type { Severity, Status } from '../controls/control.js';
import type { Ref } from '../frameworks/refs.js';

/** What a result is about. Fields beyond `type` depend on it; see DESIGN.md. */
export type Subject =
  | {
      type: 'resource';
      apiVersion: string;
      kind: string;
      namespace?: string;
      name: string;
      container?: string;
      file?: string;
      line?: number;
    }
  | { type: 'component'; kind: string; node: string; file?: string; line?: number }
  | { type: 'file'; path: string; node?: string; line?: number }
  | { type: 'cluster'; name?: string }
  | { type: 'eks-cluster'; name: string; region?: string; resource?: { kind: string; name: string } }
  | { type: 'input'; file: string; line?: number };

export interface Waiver {
  justification: string;
  expires?: string;
  source: string;
}

/** One row of the results contract (DESIGN.md "Results document"). Key order is the output order. */
export interface Result {
  control: string;
  title: string;
  severity: Severity;
  status: Status;
  refs: Ref[];
  subject: Subject;
  message: string;
  remediation?: string;
  waiver?: Waiver;
}

export type Summary = Record<Status, number>;

export function emptySummary(): Summary {
  return { pass: 0, fail: 0, manual: 0, 'not-applicable': 0, error: 0, waived: 0 };
}

export function summarize(results: Iterable<Result>): Summary {
  const summary = emptySummary();
  for (const result of results) summary[result.status] += 1;
  return summary;
}

export interface ScanTarget {
  type: 'manifests' | 'cluster' | 'snapshot' | 'node' | 'eks';
  [detail: string]: unknown;
}

/** The public results document. */
export interface ResultsDocument {
  schemaVersion: 1;
  tool: { name: 'kubeharden'; version: string };
  /** `warnings`: what the user should know but did not stop the scan (expired or unused exceptions, merge conflicts). */
  scan: { startedAt: string; finishedAt: string; targets: ScanTarget[]; warnings?: string[] };
  results: Result[];
  summary: Summary;
}
