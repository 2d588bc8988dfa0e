import yaml from 'js-yaml';
import type { Result, ResultsDocument } from '../engine/result.js';
import { subjectLabel } from './subject-label.js';

type PolicyResult = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

/**
 * Result status → PolicyReport result. Waived is `skip` (as Kyverno reports policy exceptions) with the
 * justification in properties; manual needs a human, so `warn`; not-applicable is `skip`.
 */
const POLICY_RESULT: Record<Result['status'], PolicyResult> = {
  pass: 'pass',
  fail: 'fail',
  error: 'error',
  waived: 'skip',
  manual: 'warn',
  'not-applicable': 'skip',
};

/**
 * wgpolicyk8s.io/v1alpha2 reports as a multi-document YAML stream, ready for `kubectl apply -f -`: one
 * PolicyReport per namespace for namespaced resources, one ClusterPolicyReport for everything else
 * (cluster-scoped objects, nodes, files, the cluster). One result per kubeharden result.
 */
export function renderPolicyReport(document: Pick<ResultsDocument, 'scan' | 'results'>): string {
  const seconds = Math.floor(Date.parse(document.scan.finishedAt) / 1000) || 0;
  const byNamespace = new Map<string, Record<string, unknown>[]>();
  const clusterScoped: Record<string, unknown>[] = [];
  for (const result of document.results) {
    const entry = policyResult(result, seconds);
    if (result.subject.type === 'resource' && result.subject.namespace) {
      const list = byNamespace.get(result.subject.namespace) ?? [];
      list.push(entry);
      byNamespace.set(result.subject.namespace, list);
    } else {
      clusterScoped.push(entry);
    }
  }
  const reports: Record<string, unknown>[] = [];
  for (const namespace of [...byNamespace.keys()].sort()) {
    reports.push(report('PolicyReport', { name: 'kubeharden', namespace }, byNamespace.get(namespace)!));
  }
  if (clusterScoped.length > 0 || reports.length === 0) reports.push(report('ClusterPolicyReport', { name: 'kubeharden' }, clusterScoped));
  return reports.map((r) => `---\n${yaml.dump(r, { noRefs: true, lineWidth: -1, sortKeys: false })}`).join('');
}

function report(kind: string, metadata: Record<string, string>, results: Record<string, unknown>[]): Record<string, unknown> {
  const summary: Record<PolicyResult, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const r of results) summary[r.result as PolicyResult] += 1;
  return {
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind,
    metadata: { ...metadata, labels: { 'app.kubernetes.io/managed-by': 'kubeharden' } },
    summary,
    results,
  };
}

function policyResult(result: Result, seconds: number): Record<string, unknown> {
  const properties: Record<string, string> = { subject: subjectLabel(result.subject) };
  if (result.refs.length) properties.benchmarks = result.refs.map((r) => `${r.framework}:${r.id}`).join(' ');
  if (result.waiver) {
    properties.waiver = result.waiver.justification;
    if (result.waiver.expires) properties.waiverExpires = result.waiver.expires;
  }
  if (result.remediation && (result.status === 'fail' || result.status === 'waived')) properties.remediation = result.remediation;
  if ('file' in result.subject && result.subject.file) properties.file = `${result.subject.file}${result.subject.line ? `:${result.subject.line}` : ''}`;
  const entry: Record<string, unknown> = {
    source: 'kubeharden',
    policy: result.control,
    rule: result.control,
    category: result.refs[0]?.framework ?? 'kubeharden',
    severity: result.severity,
    result: POLICY_RESULT[result.status],
    scored: true,
    timestamp: { seconds, nanos: 0 },
    message: result.message,
    properties,
  };
  if (result.subject.type === 'resource') {
    const ref: Record<string, string> = { apiVersion: result.subject.apiVersion, kind: result.subject.kind, name: result.subject.name };
    if (result.subject.namespace) ref.namespace = result.subject.namespace;
    entry.resources = [ref];
  }
  return entry;
}
