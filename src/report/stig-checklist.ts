import { createHash } from 'node:crypto';
import type { Result, ResultsDocument } from '../engine/result.js';
import type { ItemView } from '../frameworks/view.js';
import { VERSION } from '../version.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

/** What the assessor formats share: checklist status, finding details, comments, the asset, stable ids. */

export type CklStatus = 'NotAFinding' | 'Open' | 'Not_Applicable' | 'Not_Reviewed';

/**
 * Item status → STIG Viewer status. A waived item stays `Open` (an exception accepts the risk, it does
 * not remove the finding; the justification goes to COMMENTS). `error`, `manual` and `not-checked` are
 * `Not_Reviewed`: nothing unseen is ever `NotAFinding`.
 */
export function cklStatus(item: Pick<ItemView, 'status'>): CklStatus {
  switch (item.status) {
    case 'pass':
      return 'NotAFinding';
    case 'fail':
    case 'waived':
      return 'Open';
    case 'not-applicable':
      return 'Not_Applicable';
    default:
      return 'Not_Reviewed';
  }
}

/** Whether kubeharden has a verdict of its own on the item (what `--merge-into` may overwrite). */
export function hasVerdict(item: Pick<ItemView, 'status'>): boolean {
  return item.status === 'pass' || item.status === 'fail' || item.status === 'waived' || item.status === 'not-applicable' || item.status === 'error';
}

const MAX_DETAIL_RESULTS = 200;

/** The evidence behind an item, one line per result (messages only: controls never put secret values in them). */
export function findingDetails(item: ItemView, document: Pick<ResultsDocument, 'scan'>): string {
  const header = `kubeharden ${VERSION}, scan finished ${document.scan.finishedAt}: ${item.status}`;
  if (item.controls.length === 0) return `${header}. No automated check: review manually.`;
  const lines = [`${header} (controls: ${item.controls.join(', ')}).`];
  const shown = [...item.results].sort((a, b) => statusRank(a) - statusRank(b)).slice(0, MAX_DETAIL_RESULTS);
  for (const result of shown) lines.push(resultLine(result));
  if (item.results.length > shown.length) lines.push(`… and ${item.results.length - shown.length} more result(s) in the results document.`);
  if (item.unchecked.length > 0) lines.push(`Not checked by this scan: ${item.unchecked.join(', ')} (no subject of theirs was scanned).`);
  return lines.join('\n');
}

const RANK: Record<string, number> = { fail: 0, error: 1, waived: 2, manual: 3, pass: 4, 'not-applicable': 5 };
const statusRank = (result: Result) => RANK[result.status] ?? 9;

function resultLine(result: Result): string {
  const where = subjectLocation(result.subject);
  const waiver = result.waiver ? ` [waived: ${result.waiver.justification}${result.waiver.expires ? `; expires ${result.waiver.expires}` : ''}]` : '';
  return `[${result.status}] ${subjectLabel(result.subject)}${where ? ` (${where})` : ''}: ${result.message}${waiver}`;
}

/** Waiver justifications and expiry dates, one line per distinct waiver. */
export function waiverComments(item: Pick<ItemView, 'results'>): string {
  const lines = new Set<string>();
  for (const result of item.results) {
    if (!result.waiver) continue;
    lines.add(`Waived (${result.control}, ${subjectLabel(result.subject)}): ${result.waiver.justification}` +
      `${result.waiver.expires ? ` Expires ${result.waiver.expires}.` : ' No expiry.'} Source: ${result.waiver.source}.`);
  }
  return [...lines].join('\n');
}

export interface Asset {
  role: string;
  assetType: 'Computing' | 'Non-Computing';
  hostName: string;
  hostIp: string;
  hostMac: string;
  hostFqdn: string;
  targetComment: string;
  techArea: string;
}

export type AssetOverrides = Partial<Pick<Asset, 'hostName' | 'hostIp' | 'hostMac' | 'hostFqdn' | 'role' | 'techArea'>>;

export const ASSET_ROLES = ['None', 'Workstation', 'Member Server', 'Domain Controller'];
export const TECH_AREAS = [
  '', 'Application Review', 'Boundary Security', 'CDS Admin Review', 'CDS Technical Review', 'Database Review',
  'Domain Name System (DNS)', 'Exchange Server', 'Host Based System Security (HBSS)', 'Internal Network', 'Mobility',
  'Releasable Networks (REL)', 'Traditional Security', 'UNIX OS', 'VVOIP Review', 'Web Review', 'Windows OS', 'Other Review',
];

export class AssetError extends Error {}

/**
 * The checklist asset: flags first, then what the scan saw — the one node its results are about, the
 * node target's host name / IP / FQDN, or the cluster's name — and a target comment naming the scan.
 */
export function assetOf(document: Pick<ResultsDocument, 'scan' | 'results'>, overrides: AssetOverrides = {}): Asset {
  if (overrides.role !== undefined && !ASSET_ROLES.includes(overrides.role)) {
    throw new AssetError(`--asset-role "${overrides.role}" is not one STIG Viewer knows; choose one of: ${ASSET_ROLES.join(', ')}`);
  }
  if (overrides.techArea !== undefined && !TECH_AREAS.includes(overrides.techArea)) {
    throw new AssetError(`--tech-area "${overrides.techArea}" is not one STIG Viewer knows; choose one of: ${TECH_AREAS.filter(Boolean).join(', ')}`);
  }
  const fromTargets = (keys: string[]) => {
    for (const target of document.scan.targets) {
      for (const key of keys) if (typeof target[key] === 'string' && target[key]) return target[key] as string;
    }
    return '';
  };
  const nodes = new Set<string>();
  for (const result of document.results) {
    if ('node' in result.subject && result.subject.node) nodes.add(result.subject.node);
  }
  const clusters = new Set<string>();
  for (const result of document.results) {
    if ((result.subject.type === 'cluster' || result.subject.type === 'eks-cluster') && result.subject.name) clusters.add(result.subject.name);
  }
  const hostName =
    overrides.hostName ?? fromTargets(['hostname', 'hostName', 'node', 'nodeName']) ?? '';
  const onlyNode = nodes.size === 1 ? [...nodes][0]! : '';
  const onlyCluster = clusters.size === 1 ? [...clusters][0]! : fromTargets(['cluster', 'clusterName', 'context']);
  return {
    role: overrides.role ?? 'None',
    assetType: 'Computing',
    hostName: hostName || onlyNode || onlyCluster,
    hostIp: overrides.hostIp ?? fromTargets(['ip', 'hostIp', 'address']),
    hostMac: overrides.hostMac ?? fromTargets(['mac', 'hostMac']),
    hostFqdn: overrides.hostFqdn ?? fromTargets(['fqdn', 'hostFqdn']),
    targetComment: targetComment(document),
    techArea: overrides.techArea ?? '',
  };
}

function targetComment(document: Pick<ResultsDocument, 'scan'>): string {
  const parts = document.scan.targets.map((target) => {
    const details = Object.entries(target)
      .filter(([key, value]) => key !== 'type' && (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))))
      .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
    return `${target.type}${details.length ? ` (${details.join('; ')})` : ''}`;
  });
  return `kubeharden ${VERSION} scan of ${parts.join(', ') || 'nothing'} at ${document.scan.finishedAt}`;
}

/** A UUID (version 5 layout) derived from names, so the same input gives the same checklist. */
export function stableUuid(...names: string[]): string {
  const hash = createHash('sha1').update(names.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Severity → HDF impact (MITRE: 0.7 high, 0.5 medium, 0.3 low). */
export function impactOf(severity: string | undefined): number {
  if (severity === 'critical' || severity === 'high') return 0.7;
  if (severity === 'medium') return 0.5;
  if (severity === 'low') return 0.3;
  return 0.1;
}

/** The merge warning for checked rules a checklist does not have (they are never added silently). */
export function missingRuleWarnings(items: readonly ItemView[], seen: ReadonlySet<string>): string[] {
  const missing = items.filter((item) => !seen.has(item.id) && hasVerdict(item)).map((item) => item.id);
  return missing.length ? [`${missing.length} rule(s) kubeharden checked are not in the checklist and were not added: ${missing.join(', ')}`] : [];
}
