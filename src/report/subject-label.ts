import type { Subject } from '../engine/result.js';

/** A short human label for a subject: `Deployment shop/web [app]`, `kube-apiserver on cp1`, a path. */
export function subjectLabel(subject: Subject): string {
  switch (subject.type) {
    case 'resource': {
      const name = subject.namespace ? `${subject.namespace}/${subject.name}` : subject.name;
      return `${subject.kind} ${name}${subject.container ? ` [${subject.container}]` : ''}`;
    }
    case 'component':
      return `${subject.kind} on ${subject.node}`;
    case 'file':
      return subject.node ? `${subject.path} on ${subject.node}` : subject.path;
    case 'cluster':
      return subject.name ? `cluster ${subject.name}` : 'cluster';
    case 'eks-cluster':
      return `EKS cluster ${subject.name}${subject.resource ? ` ${subject.resource.kind} ${subject.resource.name}` : ''}`;
    case 'input':
      return subject.file;
  }
}

/** `file:line` where the subject has a location in a file, else ''. */
export function subjectLocation(subject: Subject): string {
  if ('file' in subject && subject.file && subject.type !== 'input') {
    return subject.line ? `${subject.file}:${subject.line}` : subject.file;
  }
  if (subject.type === 'input') return subject.line ? `${subject.file}:${subject.line}` : subject.file;
  return '';
}
