import type { ResultsDocument } from '../engine/result.js';

/**
 * The results document as JSON: the envelope indented, each result on one line — as readable
 * with grep and diff as pretty JSON, at a third of its size, which matters at 100 000 resources.
 */
export function renderJson(document: ResultsDocument): string {
  const { results, summary, ...envelope } = document;
  const head = JSON.stringify(envelope, null, 2).slice(0, -2);
  const body = results.map((result) => '    ' + JSON.stringify(result)).join(',\n');
  return `${head},\n  "results": [${results.length ? `\n${body}\n  ` : ''}],\n  "summary": ${JSON.stringify(summary)}\n}\n`;
}
