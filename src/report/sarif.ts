import { createHash } from 'node:crypto';
import type { Severity } from '../controls/control.js';
import { findingIdentity } from '../engine/identity.js';
import type { Result, ResultsDocument, Subject } from '../engine/result.js';
import { controlDocsUrl, controlInfo } from './control-info.js';
import { subjectLabel } from './subject-label.js';

/** GitHub code scanning reads `security-severity` (0–10) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0 for code scanning. One rule per control in the document (sorted by id); one result per
 * `fail` and `error`. A `waived` result is a result with a SARIF suppression (status accepted, its
 * justification; `inSource` for a manifest annotation, `external` for the config file), so code scanning
 * shows it as dismissed instead of dropping it. Passes, manual and not-applicable results are not results.
 * The output is a function of the document only (no clock, no paths of this machine).
 */
export function renderSarif(document: ResultsDocument): string {
  const ruleIds = [...new Set(document.results.map((r) => r.control))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const first = new Map<string, Result>();
  for (const result of document.results) if (!first.has(result.control)) first.set(result.control, result);
  const rules = ruleIds.map((id) => sarifRule(first.get(id)!));
  const results = document.results
    .filter((r) => r.status === 'fail' || r.status === 'error' || r.status === 'waived')
    .map((r) => sarifResult(r, ruleIndex.get(r.control)!));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeharden',
            version: document.tool.version,
            semanticVersion: document.tool.version,
            informationUri: 'https://github.com/kubeharden/kubeharden',
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !document.results.some((r) => r.status === 'error'),
            startTimeUtc: document.scan.startedAt,
            endTimeUtc: document.scan.finishedAt,
            ...(document.scan.warnings?.length
              ? { toolExecutionNotifications: document.scan.warnings.map((text) => ({ level: 'warning', message: { text } })) }
              : {}),
          },
        ],
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifRule(sample: Result) {
  const meta = controlInfo(sample.control);
  const title = meta?.title ?? sample.title;
  const remediation = meta?.remediation ?? sample.remediation ?? '';
  const refs = (meta?.refs ?? sample.refs).map((r) => `${r.framework}:${r.id}`);
  const severity = meta?.severity ?? sample.severity;
  return {
    id: sample.control,
    name: pascalCase(sample.control),
    shortDescription: { text: title },
    fullDescription: { text: meta?.rationale ?? title },
    help: {
      text: remediation || title,
      markdown: `**How to fix:** ${remediation || title}\n\n${refs.length ? `References: ${refs.join(', ')}` : ''}`.trim(),
    },
    helpUri: controlDocsUrl(sample.control),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['security', 'kubernetes', ...(meta ? [meta.family] : []), ...refs],
      'security-severity': SECURITY_SEVERITY[severity],
      severity,
      refs,
    },
  };
}

function sarifResult(result: Result, ruleIndex: number) {
  const location = physicalLocation(result.subject);
  const text = result.status === 'error' ? `Could not check: ${result.message}` : result.message;
  return {
    ruleId: result.control,
    ruleIndex,
    level: result.status === 'error' ? 'error' : LEVEL[result.severity],
    message: { text: `${subjectLabel(result.subject)}: ${text}` },
    locations: [
      {
        physicalLocation: location,
        logicalLocations: [{ fullyQualifiedName: subjectLabel(result.subject), kind: result.subject.type }],
      },
    ],
    partialFingerprints: { 'kubeharden/v1': createHash('sha256').update(findingIdentity(result)).digest('hex').slice(0, 32) },
    ...(result.waiver
      ? {
          suppressions: [
            {
              kind: result.waiver.source.startsWith('annotation ') ? 'inSource' : 'external',
              status: 'accepted',
              justification: result.waiver.expires ? `${result.waiver.justification} (expires ${result.waiver.expires})` : result.waiver.justification,
              location: { message: { text: result.waiver.source } },
            },
          ],
        }
      : {}),
    properties: { severity: result.severity, status: result.status },
  };
}

/**
 * Code scanning rejects a result without a physical location, so a subject that is not in a file
 * (a live-cluster object, a cluster, stdin) gets a stable repository-relative pseudo-path naming it,
 * e.g. `kubernetes/shop/Deployment/web`; its logical location says what it really is.
 */
function physicalLocation(subject: Subject) {
  const file = subject.type === 'file' ? subject.path : 'file' in subject ? subject.file : undefined;
  const line = 'line' in subject ? subject.line : undefined;
  if (file && file !== '<stdin>') {
    return { artifactLocation: { uri: fileUri(file) }, ...(line !== undefined && line >= 1 ? { region: { startLine: line } } : {}) };
  }
  return { artifactLocation: { uri: pseudoPath(subject) } };
}

function pseudoPath(subject: Subject): string {
  const parts = (() => {
    switch (subject.type) {
      case 'resource':
        return ['kubernetes', subject.namespace ?? '_cluster', subject.kind, subject.name];
      case 'component':
        return ['nodes', subject.node, subject.kind];
      case 'file':
        return ['nodes', subject.node ?? '_local', subject.path];
      case 'cluster':
        return ['cluster', subject.name ?? '_default'];
      case 'eks-cluster':
        return ['eks', subject.region ?? '_region', subject.name];
      case 'input':
        return ['stdin'];
    }
  })();
  return parts.map((part) => encodeURIComponent(part || '_')).join('/');
}

/** A relative path stays relative (code scanning resolves it against the repository); an absolute one becomes file://. */
export function fileUri(path: string): string {
  const encoded = path.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function pascalCase(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
