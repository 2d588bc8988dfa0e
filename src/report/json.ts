import type { ResultsDocument } from '../engine/result.js';

export function renderJson(document: ResultsDocument): string {
  return JSON.stringify(document, null, 2) + '\n';
}
