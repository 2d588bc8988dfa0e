import { createHash } from 'node:crypto';
import type { Result, ResultsDocument } from '../engine/result.js';
import { kubernetesVersionOf } from '../frameworks/benchmark-choice.js';
import type { BenchmarkView, ItemView } from '../frameworks/view.js';
import { VERSION } from '../version.js';
import { subjectLabel } from './subject-label.js';
import { impactOf, type Asset } from './stig-checklist.js';

/**
 * MITRE Heimdall Data Format (InSpec exec-json): one profile for the benchmark, one control per item
 * with the tags MITRE's STIG profiles use (gid, rid, stig_id, fix_id, cci, nist), one result per subject.
 * Heimdall reads impact 0 as Not Applicable and a `skipped` result as Not Reviewed, so manual and
 * not-checked items are skipped and not-applicable items get impact 0. Waivers go to `waiver_data`.
 */
export function renderHdf(view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>, asset: Asset): string {
  const start = document.scan.startedAt;
  const controls = view.items.map((item) => control(item, start));
  const profile = {
    name: `kubeharden-${view.framework.id}`,
    version: view.framework.version || view.framework.id,
    title: view.framework.title,
    maintainer: 'kubeharden',
    summary: view.note ?? view.framework.title,
    license: 'Apache-2.0',
    supports: [{ 'platform-family': 'kubernetes' }],
    attributes: [],
    groups: controls.map((c) => ({ id: c.id, title: c.title, controls: [c.id] })),
    sha256: createHash('sha256').update(JSON.stringify(controls.map((c) => [c.id, c.title]))).digest('hex'),
    status: 'loaded',
    controls,
  };
  const duration = (Date.parse(document.scan.finishedAt) - Date.parse(start)) / 1000;
  const hdf = {
    platform: { name: 'kubernetes', release: kubernetesVersionOf(document) ?? 'unknown', target_id: asset.hostName || 'kubernetes' },
    version: VERSION,
    statistics: { duration: Number.isFinite(duration) && duration >= 0 ? duration : 0 },
    profiles: [profile],
    passthrough: { tool: 'kubeharden', score: view.score },
  };
  return JSON.stringify(hdf, null, 2) + '\n';
}

function control(item: ItemView, start: string) {
  const rule = item.item.stig;
  const tags: Record<string, unknown> = rule
    ? {
        severity: rule.severity,
        gtitle: rule.srg,
        gid: rule.vulnId,
        rid: rule.ruleId,
        stig_id: rule.stigId,
        fix_id: rule.fixId,
        cci: rule.ccis,
        nist: rule.nist,
      }
    : { severity: item.severity ?? item.results[0]?.severity ?? 'medium', section: item.section, ...(item.level ? { level: item.level } : {}) };
  tags.kubeharden_controls = item.controls;
  tags.kubeharden_status = item.status;
  const waived = item.results.filter((r) => r.waiver);
  const out: Record<string, unknown> = {
    id: item.id,
    title: item.title,
    desc: rule?.discussion ?? item.title,
    descriptions: [
      ...(rule ? [{ label: 'default', data: rule.discussion }] : []),
      { label: 'check', data: item.auditText },
      ...(rule ? [{ label: 'fix', data: rule.fixText }] : []),
    ],
    impact: item.status === 'not-applicable' ? 0 : impactOf(rule?.severity ?? item.severity ?? item.results[0]?.severity),
    refs: [],
    tags,
    code: '',
    source_location: {},
    results: results(item, start),
  };
  if (waived.length > 0) {
    const first = waived[0]!.waiver!;
    out.waiver_data = {
      justification: first.justification,
      expiration_date: first.expires ?? null,
      run: true,
      skipped_due_to_waiver: false,
      message: `waived by ${first.source}`,
    };
  }
  return out;
}

const HDF_STATUS: Partial<Record<Result['status'], 'passed' | 'failed' | 'skipped' | 'error'>> = {
  pass: 'passed',
  fail: 'failed',
  waived: 'failed',
  error: 'error',
  manual: 'skipped',
  'not-applicable': 'skipped',
};

function results(item: ItemView, start: string) {
  if (item.results.length === 0 || item.controls.length === 0) {
    const why = item.controls.length === 0 ? `manual check: ${item.auditText}` : `not checked by this scan: ${item.controls.join(', ')} saw nothing to check`;
    return [{ status: 'skipped', code_desc: item.title, start_time: start, run_time: 0, skip_message: why }];
  }
  const out: Record<string, unknown>[] = item.results.map((r) => {
    const status = HDF_STATUS[r.status] ?? 'skipped';
    const entry: Record<string, unknown> = {
      status,
      code_desc: `${r.control}: ${subjectLabel(r.subject)}`,
      start_time: start,
      run_time: 0,
      resource: subjectLabel(r.subject),
    };
    if (status === 'skipped') entry.skip_message = r.message;
    else entry.message = r.waiver ? `${r.message} (waived: ${r.waiver.justification})` : r.message;
    return entry;
  });
  if (item.unchecked.length > 0) {
    out.push({ status: 'skipped', code_desc: `not checked: ${item.unchecked.join(', ')}`, start_time: start, run_time: 0, skip_message: 'no subject of these controls was scanned' });
  }
  return out;
}
