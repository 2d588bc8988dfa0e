import type { ResultsDocument } from '../engine/result.js';
import type { BenchmarkView, ItemView } from '../frameworks/view.js';
import { checkTextWithProvenance, type MergeOutcome } from './ckl.js';
import { cklStatus, findingDetails, hasVerdict, missingRuleWarnings, stableUuid, waiverComments, type Asset, type CklStatus } from './stig-checklist.js';

const CKLB_STATUS: Record<CklStatus, string> = {
  NotAFinding: 'not_a_finding',
  Open: 'open',
  Not_Applicable: 'not_applicable',
  Not_Reviewed: 'not_reviewed',
};

/**
 * A DISA STIG Viewer 3 checklist (.cklb, JSON), shaped like the real files in
 * ../shared/reference/stig/*.cklb: target_data, one stig with every rule, lower-case statuses.
 */
export function renderCklb(view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>, asset: Asset): string {
  const s = view.framework.stig;
  if (!s) throw new Error(`${view.framework.id} is not a STIG`);
  const stigUuid = stableUuid('kubeharden-stig', s.stigId, s.version, s.release);
  const title = `${asset.hostName || 'kubeharden'}-Kubernetes_STIG-V${s.version}R${s.release}`;
  const at = document.scan.finishedAt;
  const checklist = {
    title,
    id: stableUuid('kubeharden-cklb', title, at),
    active: false,
    mode: 1,
    has_path: true,
    target_data: {
      target_type: asset.assetType,
      host_name: asset.hostName,
      ip_address: asset.hostIp,
      mac_address: asset.hostMac,
      fqdn: asset.hostFqdn,
      comments: asset.targetComment,
      role: asset.role,
      is_web_database: false,
      technology_area: asset.techArea,
      web_db_site: '',
      web_db_instance: '',
    },
    stigs: [
      {
        stig_name: s.title,
        display_name: 'Kubernetes',
        stig_id: s.stigId,
        version: s.version,
        release_info: s.releaseInfo,
        uuid: stigUuid,
        reference_identifier: '5376',
        size: view.items.length,
        rules: view.items.map((item) => rule(item, stigUuid, document, at)),
      },
    ],
    cklb_version: '1.0',
  };
  return JSON.stringify(checklist, null, 2) + '\n';
}

function rule(item: ItemView, stigUuid: string, document: Pick<ResultsDocument, 'scan'>, at: string) {
  const r = item.item.stig!;
  return {
    uuid: stableUuid('kubeharden-rule', stigUuid, r.vulnId),
    stig_uuid: stigUuid,
    target_key: null,
    stig_ref: null,
    group_id: r.vulnId,
    rule_id: r.ruleId.replace(/_rule$/, ''),
    rule_id_src: r.ruleId,
    weight: r.weight,
    classification: 'UNCLASSIFIED',
    severity: r.severity,
    rule_version: r.stigId,
    group_title: r.srg,
    rule_title: r.title,
    fix_text: r.fixText,
    false_positives: '',
    false_negatives: '',
    discussion: r.discussion,
    check_content: checkTextWithProvenance(r),
    documentable: 'false',
    mitigations: '',
    potential_impacts: '',
    third_party_tools: '',
    mitigation_control: '',
    responsibility: '',
    security_override_guidance: '',
    ia_controls: '',
    check_content_ref: { href: 'Kubernetes_STIG.xml', name: 'M' },
    legacy_ids: [] as string[],
    group_tree: [{ id: r.vulnId, title: r.srg, description: '<GroupDescription></GroupDescription>' }],
    createdAt: at,
    updatedAt: at,
    STIGUuid: stigUuid,
    status: CKLB_STATUS[cklStatus(item)],
    overrides: {},
    comments: waiverComments(item),
    finding_details: findingDetails(item, document),
    ccis: r.ccis,
  };
}

interface CklbRuleLike {
  group_id?: string;
  status?: string;
  finding_details?: string;
  updatedAt?: string;
}

/** `mergeCkl` for STIG Viewer 3 files: only status, finding_details and updatedAt of checked rules change. */
export function mergeCklb(existing: string, view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>): MergeOutcome {
  let checklist: { stigs?: { rules?: CklbRuleLike[] }[] };
  try {
    checklist = JSON.parse(existing) as typeof checklist;
  } catch (error) {
    throw new Error(`not a STIG Viewer 3 checklist: ${(error as Error).message}`);
  }
  if (!Array.isArray(checklist.stigs)) throw new Error('not a STIG Viewer 3 checklist (no "stigs" array)');
  const items = new Map(view.items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const updated: string[] = [];
  for (const stig of checklist.stigs) {
    for (const r of stig.rules ?? []) {
      const item = r.group_id ? items.get(r.group_id) : undefined;
      if (!item) continue;
      seen.add(item.id);
      if (!hasVerdict(item)) continue;
      r.status = CKLB_STATUS[cklStatus(item)];
      r.finding_details = findingDetails(item, document);
      r.updatedAt = document.scan.finishedAt;
      updated.push(item.id);
    }
  }
  const warnings = missingRuleWarnings(view.items, seen);
  return { text: JSON.stringify(checklist, null, 2) + '\n', updated, warnings };
}
