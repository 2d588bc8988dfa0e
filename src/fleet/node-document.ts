import type { Result, ResultsDocument, Subject } from '../engine/result.js';
import { parseResultsDocument, ResultsInputError } from '../engine/results-input.js';

/** A pod log that does not hold one node's results document; the message says why. */
export class NodeLogError extends Error {}

export interface NodeLogDocument {
  document: ResultsDocument;
  /** The node audit's own diagnostics (its stderr lines, `kubeharden: error: …`), which the log interleaves. */
  diagnostics: string[];
}

/**
 * The results document in the log of a node-audit pod, attributed to the node the Job was pinned
 * to. The log holds the audit's stdout (the JSON document) and its stderr lines, which all start
 * with `kubeharden: ` (a JSON line never does). A log that was cut (limitBytes reached), garbled or
 * holds anything but one node scan's document is a NodeLogError, never an empty pass.
 */
export function nodeDocumentFromLog(node: string, log: string, options: { truncated?: boolean } = {}): NodeLogDocument {
  if (options.truncated) throw new NodeLogError(`its log was cut at ${log.length} bytes before the end of the results`);
  const lines = log.split('\n');
  const diagnostics = lines.filter((line) => line.startsWith('kubeharden: '));
  const json = lines.filter((line) => !line.startsWith('kubeharden: ')).join('\n');
  if (json.trim() === '') {
    throw new NodeLogError(`its log holds no results${diagnostics.length > 0 ? ` (${diagnostics[0]!.slice(0, 300)})` : ''}`);
  }
  let document: ResultsDocument;
  try {
    document = parseResultsDocument('the pod log', json);
  } catch (error) {
    if (error instanceof ResultsInputError) throw new NodeLogError(`${error.message.replace(/; expected a results document from --format json$/, '')} (${json.length} bytes)`);
    throw error;
  }
  if (!document.scan.targets.some((target) => target.type === 'node')) throw new NodeLogError('its log holds a results document that is not a node audit (no node target)');
  if (document.results.length === 0) throw new NodeLogError('its log holds a node audit with no results');
  return { document: attributedTo(node, document), diagnostics };
}

/**
 * The node audit names subjects by the host's /etc/hostname, which may differ from the Kubernetes
 * node name (and is the same "unknown" on every node that lacks one): every subject is named by
 * the node the Job ran on, so that merging many nodes never folds two nodes' findings together.
 */
function attributedTo(node: string, document: ResultsDocument): ResultsDocument {
  const results = document.results.map((result): Result => ({ ...result, subject: subjectOn(node, result.subject) }));
  const targets = document.scan.targets.map((target) => (target.type === 'node' ? { ...target, node } : target));
  return { ...document, scan: { ...document.scan, targets }, results };
}

function subjectOn(node: string, subject: Subject): Subject {
  switch (subject.type) {
    case 'component':
    case 'file':
      return { ...subject, node };
    case 'input':
      return { ...subject, file: `${node}:${subject.file}` };
    default:
      return subject;
  }
}
