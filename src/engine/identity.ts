import type { Result, Subject } from './result.js';

/**
 * The stable identity of a subject: everything that names it, but not where it sits in a file
 * (no line) and not the API version (only its group), so moving a manifest line or upgrading
 * `apps/v1beta2` to `apps/v1` does not make a finding new.
 */
export function subjectIdentity(subject: Subject): string {
  switch (subject.type) {
    case 'resource': {
      const group = subject.apiVersion.includes('/') ? subject.apiVersion.slice(0, subject.apiVersion.indexOf('/')) : '';
      return ['resource', group, subject.kind, subject.namespace ?? '', subject.name, subject.container ?? '', subject.file ?? ''].join('|');
    }
    case 'component':
      return ['component', subject.kind, subject.node, subject.file ?? ''].join('|');
    case 'file':
      return ['file', subject.node ?? '', subject.path].join('|');
    case 'cluster':
      return ['cluster', subject.name ?? ''].join('|');
    case 'eks-cluster':
      return ['eks-cluster', subject.region ?? '', subject.name].join('|');
    case 'input':
      return ['input', subject.file].join('|');
  }
}

/** Control + subject identity: the key a finding keeps across scans. */
export function findingIdentity(result: Pick<Result, 'control' | 'subject'>): string {
  return `${result.control}|${subjectIdentity(result.subject)}`;
}

/** A copy of the subject without its line, for comparing results across scans. */
export function withoutLine(subject: Subject): Subject {
  if (!('line' in subject)) return subject;
  const { line: _line, ...rest } = subject;
  return rest as Subject;
}
