import type { ResultsDocument } from '../engine/result.js';
import type { Framework, StigRule } from '../frameworks/framework.js';
import type { BenchmarkView, ItemView } from '../frameworks/view.js';
import { cklStatus, findingDetails, hasVerdict, missingRuleWarnings, stableUuid, waiverComments, type Asset } from './stig-checklist.js';
import { escapeXml } from './xml.js';

/** DPMS target id of the Kubernetes STIG (the XCCDF rules' `dc:identifier`). */
const TARGET_KEY = '5376';

/**
 * A DISA STIG Viewer 2 checklist (.ckl, U_Checklist_Schema_V2.xsd): the asset, the STIG's info and one
 * VULN per STIG rule — every rule, automated or not — with its status, evidence and waiver comments.
 */
export function renderCkl(view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>, asset: Asset): string {
  const stig = stigInfo(view.framework);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CHECKLIST>',
    '  <ASSET>',
    el('ROLE', asset.role, 4),
    el('ASSET_TYPE', asset.assetType, 4),
    el('HOST_NAME', asset.hostName, 4),
    el('HOST_IP', asset.hostIp, 4),
    el('HOST_MAC', asset.hostMac, 4),
    el('HOST_FQDN', asset.hostFqdn, 4),
    el('TARGET_COMMENT', asset.targetComment, 4),
    el('TECH_AREA', asset.techArea, 4),
    el('TARGET_KEY', TARGET_KEY, 4),
    el('WEB_OR_DATABASE', 'false', 4),
    el('WEB_DB_SITE', '', 4),
    el('WEB_DB_INSTANCE', '', 4),
    '  </ASSET>',
    '  <STIGS>',
    '    <iSTIG>',
    '      <STIG_INFO>',
  ];
  for (const [name, value] of stig.info) {
    out.push(`        <SI_DATA><SID_NAME>${name}</SID_NAME>${value === '' ? '' : `<SID_DATA>${escapeXml(value)}</SID_DATA>`}</SI_DATA>`);
  }
  out.push('      </STIG_INFO>');
  for (const item of view.items) out.push(vuln(item, stig.ref, stig.uuid, document));
  out.push('    </iSTIG>', '  </STIGS>', '</CHECKLIST>');
  return out.join('\n') + '\n';
}

function el(name: string, value: string, indent: number): string {
  return `${' '.repeat(indent)}<${name}>${escapeXml(value)}</${name}>`;
}

function stigInfo(framework: Framework) {
  const s = framework.stig;
  if (!s) throw new Error(`${framework.id} is not a STIG`);
  const uuid = stableUuid('kubeharden-stig', s.stigId, s.version, s.release);
  return {
    uuid,
    ref: `${s.title} :: Version ${s.version}, ${s.releaseInfo}`,
    info: [
      ['version', s.version],
      ['classification', 'UNCLASSIFIED'],
      ['customname', ''],
      ['stigid', s.stigId],
      ['description', s.description],
      ['filename', s.filename],
      ['releaseinfo', s.releaseInfo],
      ['title', s.title],
      ['uuid', uuid],
      ['notice', 'terms-of-use'],
      ['source', `STIG.DOD.MIL; texts per rule as noted in Check_Content (${s.provenance})`],
    ] as [string, string][],
  };
}

/** The check text with the releases its parts come from, when any is not V2R2. */
export function checkTextWithProvenance(rule: StigRule): string {
  const from = [
    rule.checkRelease !== 'V2R2' ? `check text ${rule.checkRelease}` : '',
    rule.ruleIdRelease !== 'V2R2' ? `rule id ${rule.ruleIdRelease}` : '',
    !rule.discussionRelease.startsWith('V2R2') ? `discussion and fix text ${rule.discussionRelease}` : '',
    !rule.inV2r2RuleList ? 'rule not in the V2R2 rule list kubeharden has; carried over from V1R9' : '',
  ].filter(Boolean);
  return from.length ? `${rule.checkText}\n\n[kubeharden: ${from.join('; ')}]` : rule.checkText;
}

function vuln(item: ItemView, stigRef: string, stigUuid: string, document: Pick<ResultsDocument, 'scan'>): string {
  const rule = item.item.stig!;
  const data: [string, string][] = [
    ['Vuln_Num', rule.vulnId],
    ['Severity', rule.severity],
    ['Group_Title', rule.srg],
    ['Rule_ID', rule.ruleId],
    ['Rule_Ver', rule.stigId],
    ['Rule_Title', rule.title],
    ['Vuln_Discuss', rule.discussion],
    ['IA_Controls', ''],
    ['Check_Content', checkTextWithProvenance(rule)],
    ['Fix_Text', rule.fixText],
    ['False_Positives', ''],
    ['False_Negatives', ''],
    ['Documentable', 'false'],
    ['Mitigations', ''],
    ['Potential_Impact', ''],
    ['Third_Party_Tools', ''],
    ['Mitigation_Control', ''],
    ['Responsibility', ''],
    ['Security_Override_Guidance', ''],
    ['Check_Content_Ref', rule.checkId],
    ['Weight', rule.weight],
    ['Class', 'Unclass'],
    ['STIGRef', stigRef],
    ['TargetKey', TARGET_KEY],
    ['STIG_UUID', stigUuid],
    ...rule.ccis.map((cci): [string, string] => ['CCI_REF', cci]),
  ];
  const lines = ['      <VULN>'];
  for (const [name, value] of data) {
    lines.push(`        <STIG_DATA><VULN_ATTRIBUTE>${name}</VULN_ATTRIBUTE><ATTRIBUTE_DATA>${escapeXml(value)}</ATTRIBUTE_DATA></STIG_DATA>`);
  }
  lines.push(
    `        <STATUS>${cklStatus(item)}</STATUS>`,
    `        <FINDING_DETAILS>${escapeXml(findingDetails(item, document))}</FINDING_DETAILS>`,
    `        <COMMENTS>${escapeXml(waiverComments(item))}</COMMENTS>`,
    '        <SEVERITY_OVERRIDE></SEVERITY_OVERRIDE>',
    '        <SEVERITY_JUSTIFICATION></SEVERITY_JUSTIFICATION>',
    '      </VULN>',
  );
  return lines.join('\n');
}

export interface MergeOutcome {
  text: string;
  /** Rules updated, by Vuln ID. */
  updated: string[];
  warnings: string[];
}

/**
 * Updates an assessor's checklist in place: for each VULN of this STIG on which kubeharden has a verdict
 * (pass, fail, waived, not-applicable, error), STATUS and FINDING_DETAILS are replaced. Everything else —
 * rules kubeharden cannot check, COMMENTS, severity overrides, the asset, other STIGs — is kept byte for byte.
 */
export function mergeCkl(existing: string, view: BenchmarkView, document: Pick<ResultsDocument, 'scan'>): MergeOutcome {
  if (!/<CHECKLIST>/.test(existing)) throw new Error('not a STIG Viewer checklist (no <CHECKLIST> element)');
  const items = new Map(view.items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const updated: string[] = [];
  const text = existing.replace(/<VULN>([\s\S]*?)<\/VULN>/g, (block: string, body: string) => {
    const vulnNum = /<VULN_ATTRIBUTE>Vuln_Num<\/VULN_ATTRIBUTE>\s*<ATTRIBUTE_DATA>([^<]*)<\/ATTRIBUTE_DATA>/.exec(body)?.[1]?.trim();
    const item = vulnNum ? items.get(vulnNum) : undefined;
    if (!item) return block;
    seen.add(item.id);
    if (!hasVerdict(item)) return block;
    updated.push(item.id);
    const details = escapeXml(findingDetails(item, document));
    const next = body
      .replace(/<STATUS>[^<]*<\/STATUS>|<STATUS\s*\/>/, `<STATUS>${cklStatus(item)}</STATUS>`)
      .replace(/<FINDING_DETAILS>[\s\S]*?<\/FINDING_DETAILS>|<FINDING_DETAILS\s*\/>/, `<FINDING_DETAILS>${details}</FINDING_DETAILS>`);
    return `<VULN>${next}</VULN>`;
  });
  const warnings = missingRuleWarnings(view.items, seen);
  return { text, updated, warnings };
}

export interface CklVuln {
  /** STIG_DATA values by VULN_ATTRIBUTE (CCI_REF and LEGACY_ID repeat). */
  data: Record<string, string[]>;
  status: string;
  findingDetails: string;
  comments: string;
  severityOverride: string;
}

export interface CklDocument {
  asset: Record<string, string>;
  stigInfo: Record<string, string>;
  vulns: CklVuln[];
}

const unescape = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

const textOf = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>|<${name}\\s*/>`).exec(xml);
  return m ? unescape(m[1] ?? '') : '';
};

/** Reads the parts of a .ckl that checklists exchange (asset, STIG info, VULNs); enough for round trips and merges. */
export function readCkl(text: string): CklDocument {
  const assetXml = /<ASSET>([\s\S]*?)<\/ASSET>/.exec(text)?.[1] ?? '';
  const asset: Record<string, string> = {};
  for (const m of assetXml.matchAll(/<([A-Z_]+)>([\s\S]*?)<\/\1>|<([A-Z_]+)\s*\/>/g)) asset[m[1] ?? m[3]!] = unescape(m[2] ?? '');
  const stigInfo: Record<string, string> = {};
  for (const m of text.matchAll(/<SI_DATA>\s*<SID_NAME>([^<]*)<\/SID_NAME>(?:\s*<SID_DATA>([\s\S]*?)<\/SID_DATA>)?\s*<\/SI_DATA>/g)) stigInfo[m[1]!] = unescape(m[2] ?? '');
  const vulns: CklVuln[] = [];
  for (const m of text.matchAll(/<VULN>([\s\S]*?)<\/VULN>/g)) {
    const body = m[1]!;
    const data: Record<string, string[]> = {};
    for (const d of body.matchAll(/<STIG_DATA>\s*<VULN_ATTRIBUTE>([^<]*)<\/VULN_ATTRIBUTE>\s*(?:<ATTRIBUTE_DATA>([\s\S]*?)<\/ATTRIBUTE_DATA>|<ATTRIBUTE_DATA\s*\/>)\s*<\/STIG_DATA>/g)) {
      (data[d[1]!] ??= []).push(unescape(d[2] ?? ''));
    }
    vulns.push({
      data,
      status: textOf(body, 'STATUS'),
      findingDetails: textOf(body, 'FINDING_DETAILS'),
      comments: textOf(body, 'COMMENTS'),
      severityOverride: textOf(body, 'SEVERITY_OVERRIDE'),
    });
  }
  return { asset, stigInfo, vulns };
}
