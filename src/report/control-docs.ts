import type { ControlMeta } from '../controls/control.js';
import type { Ref } from '../frameworks/refs.js';

const FRAMEWORK_NAMES: Record<string, string> = {
  'stig-v2r2': 'DISA Kubernetes STIG V2R2',
  'nsa-cisa-1.2': 'NSA/CISA Kubernetes Hardening Guidance 1.2',
  'pss-baseline': 'Pod Security Standards (Baseline)',
  'pss-restricted': 'Pod Security Standards (Restricted)',
  'eks-cac': 'ComplianceAsCode Amazon EKS',
  cce: 'Common Configuration Enumeration (CCE)',
  'nist-800-53': 'NIST SP 800-53',
};

export function frameworkName(framework: string): string {
  const cis = /^cis-(\d+\.\d+)$/.exec(framework);
  if (cis) return `CIS Kubernetes Benchmark ${cis[1]}`;
  const cisEks = /^cis-eks-(.+)$/.exec(framework);
  if (cisEks) return `CIS Amazon EKS Benchmark ${cisEks[1]}`;
  return FRAMEWORK_NAMES[framework] ?? framework;
}

/** The generated page of one control: docs/controls/<id>.md. */
export function renderControlDoc(control: ControlMeta): string {
  const lines = [
    `# ${control.id}`,
    '',
    `**${control.title}**`,
    '',
    `Severity: \`${control.severity}\` · Family: \`${control.family}\``,
    '',
    '## Why',
    '',
    control.rationale,
    '',
    '## How to fix',
    '',
    control.remediation,
    '',
    '## References',
    '',
    ...referenceLines(control.refs),
    '',
    '<!-- Generated from the control catalog by `npm run docs`; do not edit. -->',
    '',
  ];
  return lines.join('\n');
}

function referenceLines(refs: Ref[]): string[] {
  if (refs.length === 0) return ['None: this control is kubeharden\'s own.'];
  const grouped = new Map<string, string[]>();
  for (const ref of refs) {
    const name = frameworkName(ref.framework);
    grouped.set(name, [...(grouped.get(name) ?? []), ref.id]);
  }
  return [...grouped.entries()].map(([name, ids]) => `- ${name}: ${ids.join(', ')}`);
}

/** docs/controls/README.md: the index of every control. */
export function renderControlIndex(controls: readonly ControlMeta[]): string {
  const lines = [
    '# Controls',
    '',
    '| id | severity | title | CIS 1.10 | STIG V2R2 |',
    '| --- | --- | --- | --- | --- |',
    ...controls.map((c) => {
      const cis = c.refs.filter((r) => r.framework === 'cis-1.10').map((r) => r.id).join(', ');
      const stig = c.refs.filter((r) => r.framework === 'stig-v2r2').map((r) => r.id).join(', ');
      return `| [${c.id}](${c.id}.md) | ${c.severity} | ${c.title} | ${cis} | ${stig} |`;
    }),
    '',
    '<!-- Generated from the control catalog by `npm run docs`; do not edit. -->',
    '',
  ];
  return lines.join('\n');
}

/** Every generated docs file: name → content. */
export function controlDocFiles(controls: readonly ControlMeta[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', renderControlIndex(controls));
  for (const control of controls) files.set(`${control.id}.md`, renderControlDoc(control));
  return files;
}
