#!/usr/bin/env node
// Generates src/frameworks/data/*.json (the benchmark item lists kubeharden ships) from ../shared/reference
// and ../shared/seeds. The runtime never reads ../shared; a test regenerates and compares, so the data
// cannot drift from its sources.
//
//   node scripts/generate-framework-data.mjs            write the files
//   node scripts/generate-framework-data.mjs --check    exit 1 when a file would change
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every data file, keyed by its name under src/frameworks/data/. */
export function generateFrameworkData(sharedDir = join(root, '..', 'shared')) {
  const ref = (name) => JSON.parse(readFileSync(join(sharedDir, 'reference', name), 'utf8'));
  const text = (...parts) => readFileSync(join(sharedDir, ...parts), 'utf8');
  const cis = ref('cis.json');
  const stig = ref('stig.json');
  return {
    'cis.json': cisData(cis),
    'cis-eks.json': cisEksData(cis),
    'stig-v2r2.json': stigData(stig, text('reference', 'stig', 'U_Kubernetes_STIG_V1R9_Manual-xccdf.xml'),
      text('reference', 'stig', 'U_Kubernetes_V2R1_STIG_SCAP_1-3_Benchmark.xml'), text('seeds', 'disa-kubernetes-stig-v2r2-rules.txt')),
    'nsa-cisa.json': nsaCisaData(ref('nsa-cisa.json')),
    'pss.json': pssData(ref('pss.json')),
    'eks-cac.json': eksCacData(ref('crosswalk.json'), text('seeds', 'complianceascode-eks-secure-configuration.txt')),
  };
}

// ---------------------------------------------------------------- CIS Kubernetes

const TARGETS = {
  master: 'control plane node (API server, controller manager, scheduler)',
  controlplane: 'control plane configuration',
  etcd: 'etcd',
  node: 'worker node (kubelet, kube-proxy)',
  policies: 'cluster policies (RBAC, pods, namespaces)',
};

const normalTitle = (title) => title.toLowerCase().replace(/[^a-z0-9]/g, '');

function cisData(cis) {
  // CIS levels are known for v1.7 (seed); a later recommendation with the same title (renumbered) keeps its level.
  const levelByTitle = new Map(cis.versions['cis-1.7'].recommendations.filter((r) => r.level).map((r) => [normalTitle(r.title), r.level]));
  const out = {};
  for (const [id, version] of Object.entries(cis.versions)) {
    out[id] = {
      title: `CIS Kubernetes Benchmark v${id.slice(4)}`,
      source: `${version.source}; levels: ${cis._about.description.split('Levels: ')[1] ?? ''}`.trim(),
      items: version.recommendations.map((r) => {
        const byTitle = r.level ? undefined : levelByTitle.get(normalTitle(r.title));
        const level = /^Level (\d) - (.+)$/.exec(r.level ?? byTitle ?? '');
        return {
          id: r.id,
          title: r.title,
          section: r.section,
          level: level ? Number(level[1]) : null,
          profile: level ? level[2] : null,
          levelSource: r.level ? (r.level_inferred ? 'same id and title in v1.7' : 'v1.7 seed') : byTitle ? 'same title in v1.7 (renumbered)' : null,
          assessment: r.assessment,
          target: r.target,
          audit: cisAudit(r),
        };
      }),
    };
  }
  return out;
}

/** A one-paragraph audit summary from kube-bench's encoding of the check: what is read and what must hold. */
function cisAudit(r) {
  const where = TARGETS[r.target] ?? r.target;
  const items = r.tests?.test_items ?? [];
  const paths = r.paths_named?.length ? ` Paths: ${r.paths_named.join(', ')}.` : '';
  // kube-bench's policy tests read its own helper output (is_compliant, canCreatePodsAs…): not an audit text.
  if (items.length === 0 || r.target === 'policies') {
    return `${r.assessment === 'Manual' ? 'Manual review' : 'Review'} of the ${where}: ${r.title}.${paths}`;
  }
  const joiner = r.tests.bin_op === 'or' ? ' or ' : ' and ';
  const tests = items.map(cisTestItem).join(joiner);
  return `Check the ${where}: ${tests}.${paths}`;
}

function cisTestItem(item) {
  const name = item.flag === 'permissions' ? 'file mode' : item.flag;
  const alsoIn = [item.path ? `config ${item.path.replace(/^\{\.|\}$/g, '')}` : '', item.env ? `env ${item.env}` : ''].filter(Boolean);
  const subject = alsoIn.length ? `${name} (${alsoIn.join(', ')})` : name;
  if (item.op === 'bitmask') return `${subject} is ${item.value} or more restrictive`;
  if (item.op) {
    const ops = { eq: 'is', noteq: 'is not', gt: '>', gte: '>=', lt: '<', lte: '<=', has: 'includes', nothave: 'does not include', regex: 'matches', valid_elements: 'only has elements from' };
    return `${subject} ${ops[item.op] ?? item.op} ${JSON.stringify(item.value)}`;
  }
  if (item.set === false) return `${subject} is not set`;
  if (item.flag === 'root:root' || /^[a-z]+:[a-z]+$/.test(item.flag)) return `owner is ${item.flag}`;
  return `${subject} is set`;
}

function cisEksData(cis) {
  const out = {};
  for (const [id, version] of Object.entries(cis.eks)) {
    out[`cis-${id}`] = {
      title: `CIS Amazon EKS Benchmark v${id.slice(4)}`,
      source: version.source,
      items: version.recommendations.map((r) => ({
        id: r.id,
        title: r.title,
        section: r.section,
        level: null,
        profile: null,
        assessment: r.assessment,
        target: r.target,
        audit: `${r.assessment === 'Manual' ? 'Manual review' : 'Check'} (${r.target}): ${r.title}.`,
      })),
    };
  }
  return out;
}

// ---------------------------------------------------------------- DISA STIG

function unescapeXml(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function tag(xml, name) {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  // The SCAP benchmark writes CRLF line ends inside texts; checklists use LF.
  return m ? unescapeXml(m[1]).replace(/\r\n?/g, '\n') : undefined;
}

function attr(xml, element, name) {
  const m = new RegExp(`<${element}\\s[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : undefined;
}

/** Groups of a DISA XCCDF (1.1 manual or 1.2 SCAP; `p` is the element prefix). */
function xccdfGroups(xml, p) {
  const groups = new Map();
  const re = new RegExp(`<${p}Group id="(?:xccdf_mil\\.disa\\.stig_group_)?(V-\\d+)">([\\s\\S]*?)</${p}Group>`, 'g');
  for (const m of xml.matchAll(re)) {
    const group = m[2];
    const rule = group.slice(group.indexOf(`<${p}Rule`));
    const description = tag(rule, `${p}description`) ?? '';
    groups.set(m[1], {
      srg: tag(group, `${p}title`),
      ruleId: attr(rule, `${p}Rule`, 'id').replace(/^xccdf_mil\.disa\.stig_rule_/, ''),
      severity: attr(rule, `${p}Rule`, 'severity'),
      weight: attr(rule, `${p}Rule`, 'weight'),
      stigId: tag(rule, `${p}version`),
      title: tag(rule, `${p}title`),
      discussion: (/<VulnDiscussion>([\s\S]*?)<\/VulnDiscussion>/.exec(description)?.[1] ?? '').trim(),
      ccis: [...rule.matchAll(new RegExp(`<${p}ident system="http://cyber.mil/cci">(CCI-\\d+)</${p}ident>`, 'g'))].map((c) => c[1]),
      fixId: attr(rule, `${p}fix`, 'id'),
      fixText: (tag(rule, `${p}fixtext`) ?? '').trim(),
      checkId: attr(rule, `${p}check`, 'system'),
      checkText: (tag(rule, `${p}check-content`) ?? '').trim(),
    });
  }
  return groups;
}

function stigData(stig, v1r9Xml, v2r1Xml, seedText) {
  const v1r9 = xccdfGroups(v1r9Xml, '');
  const v2r1 = xccdfGroups(v2r1Xml, 'xccdf:');
  const seedTitles = new Map(stig.seed_rules_entries.map((e) => [e.vuln_id, e]));
  const seedFixIds = [...seedText.matchAll(/^Fix: (F-\d+r\d+_fix)$/gm)].map((m) => m[1]);
  const rules = stig.rules.map((r) => {
    const old = v1r9.get(r.vuln_id);
    if (!old) throw new Error(`${r.vuln_id} is not in the V1R9 XCCDF`);
    const scap = v2r1.get(r.vuln_id);
    const seed = seedTitles.get(r.vuln_id);
    if (seed && !seedFixIds.includes(seed.fix_id)) throw new Error(`${r.vuln_id}: fix id ${seed.fix_id} not in the V2R2 rule list`);
    if (seed && scap && seed.fix_id !== scap.fixId) throw new Error(`${r.vuln_id}: V2R2 fix ${seed.fix_id} differs from V2R1 ${scap.fixId}`);
    // Fix IDs equal to V2R2's mean the V2R1 discussion and fix text are V2R2's too.
    const current = scap ?? old;
    const release = scap ? 'V2R1' : 'V1R9';
    const title = seed?.title ?? current.title;
    return {
      vulnId: r.vuln_id,
      ruleId: current.ruleId,
      ruleIdRelease: release,
      stigId: current.stigId,
      srg: current.srg,
      severity: r.severity_v2r2 ?? current.severity,
      weight: current.weight ?? '10.0',
      title,
      titleRelease: seed?.title ? 'V2R2' : release,
      discussion: current.discussion,
      discussionRelease: scap ? 'V2R1 (fix id identical to V2R2)' : 'V1R9',
      checkText: old.checkText,
      checkId: old.checkId,
      checkRelease: 'V1R9',
      fixText: current.fixText,
      fixId: seed?.fix_id ?? current.fixId,
      fixRelease: seed ? 'V2R2' : release,
      ccis: current.ccis,
      cciRelease: release,
      nist: r.nist_800_53 ?? [],
      component: r.component ?? null,
      inV2r2RuleList: Boolean(seed),
    };
  });
  return {
    title: 'Kubernetes Security Technical Implementation Guide',
    stigId: 'Kubernetes_STIG',
    version: '2',
    release: '2',
    releaseInfo: 'Release: 2 Benchmark Date: 24 Oct 2024',
    filename: 'U_Kubernetes_STIG_V2R2_Manual-xccdf.xml',
    description: tag(v1r9Xml, 'description') ?? '',
    provenance:
      'Rules of the DISA Kubernetes STIG V1R9 manual XCCDF (95) matched to the V2R2 rule list (63, the automatable rules, identical ' +
      'to the V2R1 SCAP benchmark by Fix ID). Rule IDs, discussion, fix text and CCIs come from the V2R1 SCAP benchmark for those 63 and ' +
      'from V1R9 for the rest (each rule says which release); titles and Fix IDs from the V2R2 list; check text from V1R9 (no V2R2 ' +
      'manual XCCDF was available). Rules absent from the V2R2 list are kept so no rule is silently dropped; their presence in V2R2 ' +
      'is unverified.',
    rules,
  };
}

// ---------------------------------------------------------------- NSA/CISA, PSS, ComplianceAsCode EKS

function nsaCisaData(nsa) {
  return {
    title: `${nsa._about.guide.title} v${nsa._about.guide.version} (NSA/CISA, ${nsa._about.guide.date})`,
    source: nsa._about.guide.url,
    items: nsa.recommendations.map((r) => ({
      id: r.id,
      title: r.statement,
      section: `${r.section} / ${r.subsection}`,
      assessment: r.check === 'manual' ? 'Manual' : 'Automated',
      guideCheck: r.check,
      audit: `Evidence: ${r.evidence}.${r.notes ? ` ${r.notes}` : ''}`,
    })),
  };
}

function pssData(pss) {
  const item = (c) => ({
    id: c.id.split('/')[1],
    title: c.name,
    section: c.profile === 'baseline' ? 'Baseline' : 'Restricted',
    profile: c.profile,
    assessment: 'Automated',
    audit: `Fields: ${flatten(c.restricted_fields)}. Allowed: ${flatten(c.allowed_values) || 'see the standard'}.`,
  });
  const baseline = pss.controls.filter((c) => c.profile === 'baseline').map(item);
  const restricted = pss.controls.filter((c) => c.profile === 'restricted').map(item);
  // Restricted is Baseline plus its own controls; a restricted control with a Baseline control's id
  // (seccomp, capabilities, proc-mount) replaces it.
  const overridden = new Set(restricted.map((i) => i.id));
  return {
    source: pss._about.source_page.url,
    baseline: { title: 'Pod Security Standards: Baseline', description: pss.profiles.baseline, items: baseline },
    restricted: {
      title: 'Pod Security Standards: Restricted',
      description: pss.profiles.restricted,
      items: [...baseline.filter((i) => !overridden.has(i.id)), ...restricted],
    },
  };
}

/** `['a', 'b']` or `{ drop: ['ALL'] }` as one line of text. */
function flatten(value) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return Object.entries(value).map(([key, list]) => `${key}: ${flatten(list)}`).join('; ');
}

function eksCacData(crosswalk, seed) {
  const descriptions = new Map();
  for (const block of seed.split(/\nRule\n/).slice(1)) {
    const title = block.split('\n')[0].trim();
    const body = /\[ref\] \| ([\s\S]*?) \| Rationale:/.exec(block)?.[1] ?? '';
    descriptions.set(title, body.replace(/\s+/g, ' ').trim());
  }
  return {
    title: 'ComplianceAsCode: Guide to the Secure Configuration of Amazon Elastic Kubernetes Service',
    source: 'seeds/complianceascode-eks-secure-configuration.txt',
    items: crosswalk.complianceascode_eks_rules_file_002.map((r) => ({
      id: r.rule_id.replace(/^xccdf_org\.ssgproject\.content_rule_/, ''),
      title: r.title,
      section: 'Amazon EKS',
      // The guide does not say which rules are automatable.
      assessment: null,
      severity: r.severity,
      cce: r.cce,
      audit: descriptions.get(r.title) || r.title,
    })),
  };
}

// ---------------------------------------------------------------- main

export function serialize(data) {
  return JSON.stringify(data, null, 1) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const outDir = join(root, 'src', 'frameworks', 'data');
  mkdirSync(outDir, { recursive: true });
  let stale = 0;
  for (const [name, data] of Object.entries(generateFrameworkData())) {
    const file = join(outDir, name);
    const next = serialize(data);
    let previous = '';
    try {
      previous = readFileSync(file, 'utf8');
    } catch {
      // new file
    }
    if (previous === next) continue;
    stale += 1;
    if (check) process.stderr.write(`stale: src/frameworks/data/${name}\n`);
    else writeFileSync(file, next);
  }
  if (check && stale > 0) process.exitCode = 1;
}
