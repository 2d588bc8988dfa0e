import { VERSION } from '../version.js';
import { summarize, type Result, type ResultsDocument, type ScanTarget } from './result.js';

/** Wraps results into the public results document (DESIGN.md). */
export function resultsDocument(results: Result[], targets: ScanTarget[], startedAt: string, finishedAt = new Date().toISOString()): ResultsDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'kubeharden', version: VERSION },
    scan: { startedAt, finishedAt, targets },
    results,
    summary: summarize(results),
  };
}
