import type { Control, EksCheck, EksControl, Severity } from '../controls/control.js';
import type { EksEvidence } from '../evidence/eks.js';
import { EKS_CAC_RULES, type EksCacRuleId } from '../frameworks/eks-cac.js';
import type { Result, Subject } from './result.js';
import { ObjectEvaluator, resourceSubject, toResult } from './scan-objects.js';

/**
 * ComplianceAsCode EKS rules that are decided on a node or per namespace by controls of other
 * families. Until a control in the catalog carries their `eks-cac` ref, an EKS scan reports them
 * as `manual` with the question to answer, so no rule of the guide is silently left out.
 */
const RULES_DECIDED_ELSEWHERE: Partial<Record<EksCacRuleId, { severity: Severity; question: string }>> = {
  kubelet_configure_client_ca: {
    severity: 'medium',
    question:
      'does every node\'s kubelet set authentication.x509.clientCAFile (EKS: /etc/kubernetes/kubelet/kubelet-config.json, usually /etc/kubernetes/pki/ca.crt)? Run `kubeharden node` on each node, or check the launch template user data',
  },
  kubelet_read_only_port_secured: {
    severity: 'medium',
    question:
      'does every node\'s kubelet set readOnlyPort: 0 in /etc/kubernetes/kubelet/kubelet-config.json, with no --read-only-port in KUBELET_EXTRA_ARGS / --kubelet-extra-args? Run `kubeharden node` on each node',
  },
  configure_network_policies_namespaces: {
    severity: 'high',
    question:
      'does every application namespace (all but kube-*, openshift* and default) have at least one NetworkPolicy? (kubectl get netpol -A; kubectl get ns)',
  },
};

/** Runs the EKS controls (and every other control carrying an `eks-cac` ref over the cluster's Kubernetes objects). */
export function scanEks(controls: readonly Control[], evidence: EksEvidence): Result[] {
  const results: Result[] = [];
  const clusterSubject = (check: EksCheck): Subject => {
    const subject: Subject = { type: 'eks-cluster', name: evidence.clusterName };
    if (evidence.region) subject.region = evidence.region;
    if (check.resource) subject.resource = check.resource;
    return subject;
  };
  for (const control of controls.filter((c): c is EksControl => c.scope === 'eks')) {
    for (const check of control.evaluate(evidence)) {
      const { resource: _resource, object, ...plain } = check;
      results.push(toResult(control, plain, object ? resourceSubject(object, check) : clusterSubject(check)));
    }
  }
  const kubernetesControls = controls.filter((c) => c.scope !== 'eks' && c.refs.some((r) => r.framework === 'eks-cac'));
  if (evidence.kubernetes.state === 'present' && kubernetesControls.length > 0) {
    const evaluator = new ObjectEvaluator(kubernetesControls);
    for (const object of evidence.kubernetes.value) evaluator.evaluate(object, (result) => results.push(result));
  }
  const covered = new Set(controls.flatMap((c) => c.refs.filter((r) => r.framework === 'eks-cac').map((r) => r.id)));
  for (const rule of EKS_CAC_RULES) {
    const elsewhere = RULES_DECIDED_ELSEWHERE[rule.id];
    if (covered.has(rule.id) || !elsewhere) continue;
    results.push({
      control: `eks-cac-${rule.id.replace(/_/g, '-')}`,
      title: rule.title,
      severity: elsewhere.severity,
      status: 'manual',
      refs: [{ framework: 'eks-cac', id: rule.id }],
      subject: clusterSubject({ status: 'manual', message: '' }),
      message: `no automated check of this rule runs in an EKS scan: ${elsewhere.question}`,
    });
  }
  return results;
}
