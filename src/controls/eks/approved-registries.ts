import type { EksCheck } from '../control.js';
import { workloadOf } from '../../evidence/workload.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { kubernetesControl, verdict } from './eks-evidence.js';

export const eksApprovedRegistries = kubernetesControl(
  {
    id: 'eks-approved-registries',
    title: 'Workloads must pull images only from approved container registries',
    severity: 'medium',
    family: 'eks',
    rationale:
      'Unrestricted access to external registries lets malicious or unvetted images into the cluster. An allow-list of registries (enforced at admission) limits what can run to images your pipeline built or vetted.',
    remediation:
      'Mirror the image into an approved registry (e.g. your ECR) and reference it there; enforce the list at admission (a ValidatingAdmissionPolicy, Kyverno or Gatekeeper policy on image prefixes). Name the approved registries with --approved-registry to have kubeharden check them.',
    refs: [...eksCacRule('approved_registries'), ...cisEks('5.1.4')],
  },
  (objects, evidence) => {
    const approved = evidence.approvedRegistries;
    const checks: EksCheck[] = [];
    const seen = new Set<string>();
    for (const sourced of objects) {
      if (sourced.object.kind === 'Pod' && sourced.object.metadata?.ownerReferences?.some((o) => o.controller)) continue;
      const workload = workloadOf(sourced);
      if (!workload) continue;
      for (const container of workload.containers) {
        const image = String(container.spec.image ?? '');
        const registry = registryOf(image);
        seen.add(registry);
        if (!approved) continue;
        const ok = approved.some((prefix) => image === prefix || image.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || registry === prefix);
        checks.push({
          ...verdict(ok ? 'pass' : 'fail', ok ? `image ${image} comes from approved registry ${registry}` : `image ${image} comes from ${registry}, which is not an approved registry`, { object: sourced, path: [...container.path, 'image'] }),
          container: container.name,
        });
      }
    }
    if (approved) return checks.length > 0 ? checks : [verdict('not-applicable', 'the Kubernetes objects given include no workload')];
    if (seen.size === 0) return [verdict('manual', 'the Kubernetes objects given include no workload: which registries may the cluster pull from, and is that enforced at admission?')];
    return [verdict('manual', `workloads pull from ${[...seen].sort().join(', ')}: is each an approved registry? Name the approved ones with --approved-registry to check every container`)];
  },
);

/** The registry host of an image reference; Docker Hub for a bare name. */
export function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  if (!image.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost')) return 'docker.io';
  return first;
}
