import type { ControlMeta, EksCheck, EksControl } from '../control.js';
import type { EksClusterDescription, EksEvidence, Evidence } from '../../evidence/eks.js';
import type { SourcedObject } from '../../evidence/kube-object.js';

/*
 * The mechanism behind the EKS controls: evidence that was not collected gives `manual` naming
 * what to add, evidence that could not be read gives `error` — a control body only ever sees
 * evidence that is there.
 */

export function missing(evidence: Exclude<Evidence<unknown>, { state: 'present' }>, forWhat: string, resource?: EksCheck['resource']): EksCheck {
  return evidence.state === 'error'
    ? { status: 'error', message: `cannot decide ${forWhat}: ${evidence.message}`, resource }
    : { status: 'manual', message: `cannot decide ${forWhat} without ${evidence.need}; add it and scan again`, resource };
}

/** A control over the `describe-cluster` output: one verdict on the cluster. */
export function clusterControl(
  meta: ControlMeta,
  check: (cluster: EksClusterDescription, evidence: EksEvidence) => EksCheck | EksCheck[],
): EksControl {
  return {
    ...meta,
    scope: 'eks',
    evaluate: (evidence) => {
      if (evidence.cluster.state !== 'present') return [missing(evidence.cluster, meta.title.toLowerCase())];
      const checks = check(evidence.cluster.value, evidence);
      return Array.isArray(checks) ? checks : [checks];
    },
  };
}

/** A control that needs the cluster's Kubernetes objects. */
export function kubernetesControl(
  meta: ControlMeta,
  check: (objects: SourcedObject[], evidence: EksEvidence) => EksCheck[],
): EksControl {
  return {
    ...meta,
    scope: 'eks',
    evaluate: (evidence) =>
      evidence.kubernetes.state === 'present'
        ? check(evidence.kubernetes.value, evidence)
        : [missing(evidence.kubernetes, meta.title.toLowerCase())],
  };
}

export const verdict = (status: EksCheck['status'], message: string, about: Pick<EksCheck, 'resource' | 'object' | 'path'> = {}): EksCheck => ({
  status,
  message,
  ...about,
});

/** Every managed node group: described ones, and listed ones whose description is missing. */
export function nodegroupsOf(evidence: EksEvidence): { name: string; evidence: EksEvidence['nodegroups'] extends Map<string, infer E> ? E : never }[] {
  const names = new Set(evidence.nodegroups.keys());
  if (evidence.nodegroupNames.state === 'present') for (const name of evidence.nodegroupNames.value) names.add(name);
  return [...names].sort().map((name) => ({
    name,
    evidence:
      evidence.nodegroups.get(name) ??
      (evidence.nodegroupNames.state === 'error'
        ? evidence.nodegroupNames
        : { state: 'absent', need: `\`aws eks describe-nodegroup --cluster-name ${evidence.clusterName} --nodegroup-name ${name}\` output` }),
  }));
}

/** Whether ECR's repository filter matches a name: `*` is any run of characters; without a wildcard, a substring. */
export function ecrFilterMatches(filter: string, name: string): boolean {
  if (!filter.includes('*')) return name.includes(filter);
  const pattern = filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}
