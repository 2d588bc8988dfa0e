import type { ResultsDocument } from '../engine/result.js';
import type { BenchmarkView, ItemView } from '../frameworks/view.js';
import { VERSION } from '../version.js';
import { subjectLabel } from './subject-label.js';
import { stableUuid, type Asset } from './stig-checklist.js';

const NS = 'https://kubeharden.io/ns/oscal';
const OSCAL_VERSION = '1.1.3';

/** NIST SP 800-53 as STIG tags write it (`AC-17 (2)`) → OSCAL control id (`ac-17.2`). */
export function oscalControlId(nist: string): string | undefined {
  const m = /^([A-Za-z]{2})-(\d+)(?:\s*\((\d+)\))?$/.exec(nist.trim());
  if (!m) return undefined;
  return `${m[1]!.toLowerCase()}-${Number(m[2])}${m[3] ? `.${Number(m[3])}` : ''}`;
}

/** An OSCAL token (letters, digits, `.`, `-`, `_`; starting with a letter or `_`). */
const token = (text: string) => text.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^([^\p{L}_])/u, '_$1');

/**
 * OSCAL 1.1.3 assessment-results: one result for the scan, an observation per benchmark item (what was
 * seen, or that it needs a manual check), and a finding per item with a verdict, targeting the item
 * (`objective-id` = framework_item) with state satisfied / not-satisfied. Waived findings stay
 * not-satisfied with the justification in remarks; not-applicable, manual and not-checked items have
 * an observation only.
 */
export function renderOscal(view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>, asset: Asset): string {
  const { startedAt, finishedAt } = document.scan;
  const seed = `${view.framework.id}\u0000${finishedAt}\u0000${asset.hostName}`;
  const nist = new Set<string>();
  for (const item of view.items) for (const n of item.item.stig?.nist ?? []) {
    const id = oscalControlId(n);
    if (id) nist.add(id);
  }
  const observations: Record<string, unknown>[] = [];
  const findings: Record<string, unknown>[] = [];
  for (const item of view.items) {
    const observationUuid = stableUuid('oscal-observation', seed, item.id);
    observations.push(observation(item, observationUuid, finishedAt));
    const state = item.status === 'pass' ? 'satisfied' : item.status === 'fail' || item.status === 'waived' || item.status === 'error' ? 'not-satisfied' : undefined;
    if (!state) continue;
    const finding: Record<string, unknown> = {
      uuid: stableUuid('oscal-finding', seed, item.id),
      title: `${item.id}: ${item.title}`,
      description: `${view.framework.title} ${item.id} is ${item.status} (${item.counts.pass} pass, ${item.counts.fail} fail, ${item.counts.error} error, ${item.counts.waived} waived).`,
      props: [{ name: 'benchmark-item', ns: NS, value: item.id }, { name: 'kubeharden-status', ns: NS, value: item.status }],
      target: {
        type: 'objective-id',
        'target-id': token(`${view.framework.id}_${item.id}`),
        status: { state, ...(item.status === 'error' ? { reason: 'evidence-unreadable' } : {}) },
      },
      'related-observations': [{ 'observation-uuid': observationUuid }],
    };
    const waivers = item.results.filter((r) => r.waiver).map((r) => `${subjectLabel(r.subject)}: ${r.waiver!.justification}${r.waiver!.expires ? ` (expires ${r.waiver!.expires})` : ''}`);
    if (waivers.length) finding.remarks = `Risk accepted by exception: ${[...new Set(waivers)].join('; ')}`;
    findings.push(finding);
  }
  const result: Record<string, unknown> = {
    uuid: stableUuid('oscal-result', seed),
    title: `kubeharden scan: ${view.framework.title}`,
    description: `Automated assessment of ${asset.hostName || 'a Kubernetes environment'} against ${view.framework.title} by kubeharden ${VERSION}. Score: ${view.score.percent ?? 'n/a'}% (${view.score.passed} of ${view.score.evaluated} evaluated automated items passed).`,
    start: startedAt,
    end: finishedAt,
    props: [{ name: 'benchmark', ns: NS, value: view.framework.id }],
    'reviewed-controls': {
      'control-selections': [nist.size ? { 'include-controls': [...nist].sort().map((id) => ({ 'control-id': id })) } : { 'include-all': {} }],
    },
    observations,
  };
  if (findings.length) result.findings = findings;
  const oscal = {
    'assessment-results': {
      uuid: stableUuid('oscal-assessment-results', seed),
      metadata: {
        title: `kubeharden assessment results: ${view.framework.title}`,
        'last-modified': finishedAt,
        version: VERSION,
        'oscal-version': OSCAL_VERSION,
      },
      'import-ap': { href: `#kubeharden-assessment-plan-${token(view.framework.id)}` },
      results: [result],
    },
  };
  return JSON.stringify(oscal, null, 2) + '\n';
}

function observation(item: ItemView, uuid: string, collected: string): Record<string, unknown> {
  const manual = item.controls.length === 0;
  const evidence = item.results.slice(0, 50).map((r) => ({ description: `[${r.status}] ${subjectLabel(r.subject)}: ${r.message}` }));
  const out: Record<string, unknown> = {
    uuid,
    title: `${item.id}: ${item.title}`,
    description: manual
      ? `No automated check; manual review: ${item.auditText}`
      : item.results.length === 0
        ? `Not checked by this scan: ${item.controls.join(', ')} saw nothing to check.`
        : `${item.results.length} result(s) from ${item.controls.join(', ')}: ${item.status}.`,
    props: [{ name: 'benchmark-item', ns: NS, value: item.id }],
    methods: [manual ? 'EXAMINE' : 'TEST'],
    collected,
  };
  if (evidence.length) out['relevant-evidence'] = evidence;
  return out;
}
