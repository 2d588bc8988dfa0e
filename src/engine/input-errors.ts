import type { ControlMeta } from '../controls/control.js';
import type { Result } from './result.js';

/** Input that could not be read or parsed is reported as a result, so no report can hide it. */
export const INPUT_READABLE: ControlMeta = {
  id: 'input-readable',
  title: 'Every input must be readable and valid',
  severity: 'high',
  family: 'input',
  rationale:
    'A file or document that cannot be read or parsed was not checked; reporting it keeps the scan from passing on evidence it never saw.',
  remediation: 'Fix the file at the line named (or its permissions) and scan again.',
  refs: [],
};

export function inputErrorResult(file: string, message: string, line?: number): Result {
  return {
    control: INPUT_READABLE.id,
    title: INPUT_READABLE.title,
    severity: INPUT_READABLE.severity,
    status: 'error',
    refs: [],
    subject: line === undefined ? { type: 'input', file } : { type: 'input', file, line },
    message,
    remediation: INPUT_READABLE.remediation,
  };
}
