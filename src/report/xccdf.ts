import type { Result, ResultsDocument } from '../engine/result.js';
import type { BenchmarkView, ItemStatus, ItemView } from '../frameworks/view.js';
import { VERSION } from '../version.js';
import { subjectLabel } from './subject-label.js';
import type { Asset } from './stig-checklist.js';
import { escapeXml } from './xml.js';

const NS = 'http://checklists.nist.gov/xccdf/1.2';

/**
 * Item status → XCCDF 1.2 result. A waived item stays `fail` with the justification as a message (an
 * exception does not make the rule pass); items nobody checked are `notchecked`.
 */
const XCCDF_RESULT: Record<ItemStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  waived: 'fail',
  error: 'error',
  'not-applicable': 'notapplicable',
  manual: 'notchecked',
  'not-checked': 'notchecked',
};

/** XCCDF 1.2 rule id of an item: the DISA id for STIG rules, a kubeharden id otherwise. */
export function xccdfRuleId(view: BenchmarkView, item: ItemView): string {
  if (item.item.stig) return `xccdf_mil.disa.stig_rule_${item.item.stig.ruleId}`;
  return `xccdf_io.kubeharden_rule_${ncName(view.framework.id)}_${ncName(item.id)}`;
}

const ncName = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_');

/** An XCCDF 1.2 `TestResult` document (top-level element, as the XCCDF 1.2 schema allows) for one benchmark. */
export function renderXccdf(view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>, asset: Asset): string {
  const stig = view.framework.kind === 'stig';
  const benchmarkId = stig ? 'xccdf_mil.disa.stig_benchmark_Kubernetes_STIG' : `xccdf_io.kubeharden_benchmark_${ncName(view.framework.id)}`;
  const end = document.scan.finishedAt;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TestResult xmlns="${NS}" id="xccdf_io.kubeharden_testresult_${ncName(view.framework.id)}" start-time="${escapeXml(document.scan.startedAt, true)}" end-time="${escapeXml(end, true)}" version="${escapeXml(view.framework.version || view.framework.id, true)}" test-system="kubeharden ${VERSION}">`,
    `  <benchmark href="#${benchmarkId}"/>`,
    `  <title>kubeharden ${escapeXml(view.framework.title)} results</title>`,
    ...(view.note ? [`  <remark>${escapeXml(view.note)}</remark>`] : []),
    '  <identity authenticated="false" privileged="false">kubeharden</identity>',
    `  <target>${escapeXml(asset.hostName || 'kubernetes')}</target>`,
    ...(asset.hostIp ? [`  <target-address>${escapeXml(asset.hostIp)}</target-address>`] : []),
  ];
  for (const item of view.items) {
    const severity = item.severity && ['low', 'medium', 'high'].includes(item.severity) ? item.severity : 'unknown';
    out.push(`  <rule-result idref="${xccdfRuleId(view, item)}" severity="${severity}" time="${escapeXml(end, true)}"${item.item.stig ? ` weight="${item.item.stig.weight}"` : ''}>`);
    out.push(`    <result>${XCCDF_RESULT[item.status]}</result>`);
    for (const cci of item.item.stig?.ccis ?? []) out.push(`    <ident system="http://cyber.mil/cci">${cci}</ident>`);
    for (const message of messages(item)) out.push(`    <message severity="${message.severity}">${escapeXml(message.text)}</message>`);
    out.push('  </rule-result>');
  }
  const percent = view.score.percent ?? 0;
  out.push(`  <score system="urn:xccdf:scoring:default" maximum="100">${percent}</score>`, '</TestResult>');
  return out.join('\n') + '\n';
}

const MAX_MESSAGES = 50;

function messages(item: ItemView): { severity: 'error' | 'warning' | 'info'; text: string }[] {
  if (item.controls.length === 0) return [{ severity: 'info', text: `manual check: ${item.auditText}` }];
  const out = item.results.slice(0, MAX_MESSAGES).map((r) => ({ severity: messageSeverity(r), text: messageText(r) }));
  if (item.results.length > MAX_MESSAGES) out.push({ severity: 'info', text: `… and ${item.results.length - MAX_MESSAGES} more result(s)` });
  if (item.unchecked.length) out.push({ severity: 'warning', text: `not checked by this scan: ${item.unchecked.join(', ')}` });
  return out;
}

function messageSeverity(result: Result): 'error' | 'warning' | 'info' {
  if (result.status === 'fail' || result.status === 'error') return 'error';
  if (result.status === 'waived' || result.status === 'manual') return 'warning';
  return 'info';
}

function messageText(result: Result): string {
  const waiver = result.waiver ? ` (waived: ${result.waiver.justification}${result.waiver.expires ? `, expires ${result.waiver.expires}` : ''})` : '';
  return `${result.status}: ${subjectLabel(result.subject)}: ${result.message}${waiver}`;
}
