import type { Status } from '../controls/control.js';
import type { ResultsDocument } from '../engine/result.js';
import type { BenchmarkRows } from '../frameworks/reporter-view.js';
import { subjectLabel, subjectLocation } from './subject-label.js';
import { escapeXml } from './xml.js';

/** One testcase as JUnit consumers (Jenkins, GitLab, Azure DevOps) read it. */
interface TestCase {
  suite: string;
  suiteTitle: string;
  name: string;
  classname: string;
  status: Status;
  severity: string;
  message: string;
  remediation?: string;
  location: string;
  waiver?: string;
}

/**
 * JUnit XML: one testsuite per control (or per benchmark item when a view is given) and one testcase
 * per subject. fail → <failure> (message and remediation), error → <error>, manual, not-applicable and
 * waived → <skipped> with the reason, so a waived finding never fails a CI job but stays visible.
 */
export function renderJunit(document: ResultsDocument, view?: BenchmarkRows): string {
  const cases: TestCase[] = view
    ? view.items.map((item) => ({
        suite: `${item.framework}:${item.item}`,
        suiteTitle: item.title,
        name: item.subject ? subjectLabel(item.subject) : item.framework,
        classname: `${item.framework}.${item.item}`,
        status: item.status,
        severity: item.severity,
        message: item.message,
        remediation: item.remediation,
        location: item.subject ? subjectLocation(item.subject) : '',
      }))
    : document.results.map((r) => ({
        suite: r.control,
        suiteTitle: r.title,
        name: subjectLabel(r.subject),
        classname: `kubeharden.${r.control}`,
        status: r.status,
        severity: r.severity,
        message: r.message,
        remediation: r.remediation,
        location: subjectLocation(r.subject),
        waiver: r.waiver ? `waived: ${r.waiver.justification}${r.waiver.expires ? ` (until ${r.waiver.expires})` : ''} [${r.waiver.source}]` : undefined,
      }));
  const suites = new Map<string, TestCase[]>();
  for (const c of cases) {
    const suite = suites.get(c.suite);
    if (suite) suite.push(c);
    else suites.set(c.suite, [c]);
  }
  const count = (list: TestCase[], ...statuses: Status[]) => list.filter((c) => statuses.includes(c.status)).length;
  const a = (text: string) => escapeXml(text, true);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${a(view ? `kubeharden ${view.title}` : 'kubeharden')}" tests="${cases.length}" failures="${count(cases, 'fail')}" ` +
      `errors="${count(cases, 'error')}" skipped="${count(cases, 'manual', 'not-applicable', 'waived')}" timestamp="${a(document.scan.startedAt)}">`,
  ];
  for (const [suite, list] of suites) {
    lines.push(
      `  <testsuite name="${a(suite)}" tests="${list.length}" failures="${count(list, 'fail')}" errors="${count(list, 'error')}" ` +
        `skipped="${count(list, 'manual', 'not-applicable', 'waived')}">`,
      `    <properties><property name="title" value="${a(list[0]!.suiteTitle)}"/><property name="severity" value="${a(list[0]!.severity)}"/></properties>`,
    );
    for (const c of list) {
      const open = `    <testcase name="${a(c.name)}" classname="${a(c.classname)}"${c.location ? ` file="${a(c.location.replace(/:\d+$/, ''))}"` : ''}`;
      const body = `${c.message}${c.location ? `\nat ${c.location}` : ''}${c.remediation ? `\n\nHow to fix: ${c.remediation}` : ''}`;
      switch (c.status) {
        case 'pass':
          lines.push(`${open}/>`);
          break;
        case 'fail':
          lines.push(`${open}>`, `      <failure message="${a(c.message)}" type="${a(c.severity)}">${escapeXml(body)}</failure>`, '    </testcase>');
          break;
        case 'error':
          lines.push(`${open}>`, `      <error message="${a(c.message)}" type="error">${escapeXml(body)}</error>`, '    </testcase>');
          break;
        default: {
          const reason = c.status === 'waived' ? (c.waiver ?? 'waived') : `${c.status}: ${c.message}`;
          lines.push(`${open}>`, `      <skipped message="${a(reason)}"/>`, '    </testcase>');
        }
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
