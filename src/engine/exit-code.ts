import { SEVERITIES, type Severity } from '../controls/control.js';
import type { Result } from './result.js';

export type FailOn = Severity | 'none';
export const FAIL_ON_CHOICES: readonly FailOn[] = [...SEVERITIES, 'none'];

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INCOMPLETE = 2;

/** DESIGN.md exit codes: 2 when the scan is incomplete wins over 1 for findings at or above `failOn`. */
export function exitCodeFor(results: Iterable<Result>, failOn: FailOn): number {
  const threshold = failOn === 'none' ? -1 : SEVERITIES.indexOf(failOn);
  let code = EXIT_OK;
  for (const result of results) {
    if (result.status === 'error') return EXIT_INCOMPLETE;
    if (result.status === 'fail' && SEVERITIES.indexOf(result.severity) <= threshold) code = EXIT_FINDINGS;
  }
  return code;
}
