import { SEVERITIES, STATUSES } from '../controls/control.js';
import { isRecord } from '../evidence/kube-object.js';
import { summarize, type Result, type ResultsDocument } from './result.js';

const SUBJECT_TYPES = ['resource', 'component', 'file', 'cluster', 'eks-cluster', 'input'];

/** A saved results document that is not one; the message names the file and what is wrong. */
export class ResultsInputError extends Error {}

/**
 * Reads a saved results document (DESIGN.md), checking the shape every reporter relies on, so that
 * `report render/merge/diff` fail with the file and field at fault instead of rendering nonsense.
 */
export function parseResultsDocument(file: string, text: string): ResultsDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ResultsInputError(`${file}: not JSON (${(error as Error).message}); expected a results document from --format json`);
  }
  const bad = (message: string): never => {
    throw new ResultsInputError(`${file}: not a kubeharden results document: ${message}`);
  };
  if (!isRecord(value)) return bad('the top level is not an object');
  if (value.schemaVersion !== 1) {
    return bad(value.schemaVersion === undefined ? 'schemaVersion is missing' : `schemaVersion ${JSON.stringify(value.schemaVersion)} is not supported (this version reads 1)`);
  }
  if (!isRecord(value.tool) || value.tool.name !== 'kubeharden' || typeof value.tool.version !== 'string') bad('tool must be { name: "kubeharden", version }');
  const scan = value.scan;
  if (!isRecord(scan) || typeof scan.startedAt !== 'string' || typeof scan.finishedAt !== 'string' || !Array.isArray(scan.targets)) {
    bad('scan must have startedAt, finishedAt and targets');
  }
  const targets = (scan as Record<string, unknown>).targets as unknown[];
  targets.forEach((t, i) => {
    if (!isRecord(t) || typeof t.type !== 'string') bad(`scan.targets[${i}] has no type`);
  });
  const warnings = (scan as Record<string, unknown>).warnings;
  if (warnings !== undefined && (!Array.isArray(warnings) || warnings.some((w) => typeof w !== 'string'))) bad('scan.warnings must be a list of texts');
  if (!Array.isArray(value.results)) return bad('results is not a list');
  value.results.forEach((r: unknown, i: number) => checkResult(r, `results[${i}]`, bad));
  const document = value as unknown as ResultsDocument;
  // The summary is derived data: recompute it rather than trust (or reject) a hand-edited one.
  document.summary = summarize(document.results);
  return document;
}

function checkResult(r: unknown, at: string, bad: (message: string) => never): asserts r is Result {
  if (!isRecord(r)) bad(`${at} is not an object`);
  const result = r as Record<string, unknown>;
  for (const field of ['control', 'title', 'message'] as const) {
    if (typeof result[field] !== 'string') bad(`${at}.${field} must be a text`);
  }
  if (!(SEVERITIES as readonly unknown[]).includes(result.severity)) bad(`${at}.severity ${JSON.stringify(result.severity)} is not one of ${SEVERITIES.join(', ')}`);
  if (!(STATUSES as readonly unknown[]).includes(result.status)) bad(`${at}.status ${JSON.stringify(result.status)} is not one of ${STATUSES.join(', ')}`);
  if (!Array.isArray(result.refs) || result.refs.some((ref) => !isRecord(ref) || typeof ref.framework !== 'string' || typeof ref.id !== 'string')) {
    bad(`${at}.refs must be a list of { framework, id }`);
  }
  const subject = result.subject;
  if (!isRecord(subject) || !SUBJECT_TYPES.includes(subject.type as string)) bad(`${at}.subject.type must be one of ${SUBJECT_TYPES.join(', ')}`);
  if (result.remediation !== undefined && typeof result.remediation !== 'string') bad(`${at}.remediation must be a text`);
  if (result.waiver !== undefined) {
    const waiver = result.waiver;
    if (!isRecord(waiver) || typeof waiver.justification !== 'string' || typeof waiver.source !== 'string') bad(`${at}.waiver must have justification and source`);
  }
}
