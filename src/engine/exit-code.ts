import { SEVERITIES, type Severity } from '../controls/control.js';
import type { Result } from './result.js';

export type FailOn = Severity | 'none';
export const FAIL_ON_CHOICES: readonly FailOn[] = [...SEVERITIES, 'none'];

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INCOMPLETE = 2;

/** DESIGN.md exit codes, worked out as results stream past: 2 (incomplete) wins over 1 (findings at or above `failOn`). */
export class ExitCodeTracker {
  private readonly threshold: number;
  private incomplete = false;
  private findings = false;

  constructor(failOn: FailOn) {
    this.threshold = failOn === 'none' ? -1 : SEVERITIES.indexOf(failOn);
  }

  add(result: Result): void {
    if (result.status === 'error') this.incomplete = true;
    else if (result.status === 'fail' && SEVERITIES.indexOf(result.severity) <= this.threshold) this.findings = true;
  }

  /** Counts what another tracker (a worker thread's, with the same threshold) saw, by its code. */
  addCode(code: number): void {
    if (code === EXIT_INCOMPLETE) this.incomplete = true;
    else if (code === EXIT_FINDINGS) this.findings = true;
  }

  /** Marks the scan incomplete for a reason that is not a result (e.g. an unreadable argument). */
  markIncomplete(): void {
    this.incomplete = true;
  }

  get code(): number {
    return this.incomplete ? EXIT_INCOMPLETE : this.findings ? EXIT_FINDINGS : EXIT_OK;
  }
}

export function exitCodeFor(results: Iterable<Result>, failOn: FailOn): number {
  const tracker = new ExitCodeTracker(failOn);
  for (const result of results) tracker.add(result);
  return tracker.code;
}
