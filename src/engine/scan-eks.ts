import type { Control, EksCheck, EksControl, Severity } from '../controls/control.js';
import type { EksEvidence } from '../evidence/eks.js';
import { cisEks } from '../frameworks/cis-eks.js';
import { EKS_CAC_RULES, eksCacRule, type EksCacRuleId } from '../frameworks/eks-cac.js';
import { nist, stig, type Ref } from '../frameworks/refs.js';
import type { Result, Subject } from './result.js';
import { ObjectEvaluator, resourceSubject, toResult } from './scan-objects.js';
import type { WaiverSet } from './waivers.js';

/**
 * ComplianceAsCode EKS rules that are decided on a node or per namespace by controls of other
 * families. When no result of an EKS scan carries their `eks-cac` ref (node controls never run
 * here; namespace controls need the Kubernetes objects), the scan reports them as `manual` with
 * the question to answer, so no rule of the guide is silently left out.
 */
const RULES_DECIDED_ELSEWHERE: Partial<Record<EksCacRuleId, { severity: Severity; refs: Ref[]; question: string }>> = {
  kubelet_configure_client_ca: {
    severity: 'medium',
    refs: [...cisEks('3.2.3'), ...stig('V-242420')],
    question:
      'does every node\'s kubelet set authentication.x509.clientCAFile (EKS: /etc/kubernetes/kubelet/kubelet-config.json, usually /etc/kubernetes/pki/ca.crt)? Run `kubeharden node` on each node, or check the launch template user data',
  },
  kubelet_read_only_port_secured: {
    severity: 'medium',
    refs: [...cisEks('3.2.4'), ...stig('V-242387'), ...nist('CM-6', 'CM-6(1)')],
    question:
      'does every node\'s kubelet set readOnlyPort: 0 in /etc/kubernetes/kubelet/kubelet-config.json, with no --read-only-port in KUBELET_EXTRA_ARGS / --kubelet-extra-args? Run `kubeharden node` on each node',
  },
  configure_network_policies_namespaces: {
    severity: 'high',
    // STIG V-242383 shares the rule's SRG (SRG-APP-000038-CTR-000105) in the crosswalk.
    refs: [...cisEks('4.3.2'), ...stig('V-242383'), ...nist('AC-4', 'AC-4(21)', 'CA-3(5)', 'CM-6', 'CM-6(1)', 'CM-7', 'CM-7(1)', 'SC-7', 'SC-7(3)', 'SC-7(5)', 'SC-7(8)', 'SC-7(12)', 'SC-7(13)', 'SC-7(18)', 'SC-7(10)', 'SI-4(22)')],
    question:
      'does every application namespace (all but kube-*, openshift* and default) have at least one NetworkPolicy? (kubectl get netpol -A; kubectl get ns)',
  },
};

/** Runs the EKS controls, and every other control carrying an `eks-cac` ref over the cluster's Kubernetes objects. */
export function scanEks(controls: readonly Control[], evidence: EksEvidence, options: { waivers?: WaiverSet } = {}): Result[] {
  const results: Result[] = [];
  const { waivers } = options;
  const clusterSubject = (check: EksCheck): Subject => {
    const subject: Subject = { type: 'eks-cluster', name: evidence.clusterName };
    if (evidence.region) subject.region = evidence.region;
    if (check.resource) subject.resource = check.resource;
    return subject;
  };
  for (const control of controls.filter((c): c is EksControl => c.scope === 'eks')) {
    for (const check of control.evaluate(evidence)) {
      const { resource: _resource, object, ...plain } = check;
      const result = toResult(control, plain, object ? resourceSubject(object, check) : clusterSubject(check));
      results.push(waivers ? waivers.apply(result, object) : result);
    }
  }
  // Controls of other families that a ComplianceAsCode EKS rule names run over the cluster's objects; the
  // pod-level CIS EKS items (4.2.x …) stay with `kubeharden scan`/`cluster`, whose results carry their cis-eks refs.
  const kubernetesControls = controls.filter((c) => c.scope !== 'eks' && c.refs.some((r) => r.framework === 'eks-cac'));
  if (evidence.kubernetes.state === 'present' && kubernetesControls.length > 0) {
    const evaluator = new ObjectEvaluator(kubernetesControls, { waivers, complete: false });
    for (const object of evidence.kubernetes.value) evaluator.evaluate(object, (result) => results.push(result));
    evaluator.finish((result) => results.push(result));
  }
  // A rule is covered when some result of this scan carries its ref: node controls never run here.
  const covered = new Set(results.flatMap((r) => r.refs.filter((ref) => ref.framework === 'eks-cac').map((ref) => ref.id)));
  for (const rule of EKS_CAC_RULES) {
    const elsewhere = RULES_DECIDED_ELSEWHERE[rule.id];
    if (covered.has(rule.id) || !elsewhere) continue;
    results.push({
      control: `eks-cac-${rule.id.replace(/_/g, '-')}`,
      title: rule.title,
      severity: elsewhere.severity,
      status: 'manual',
      refs: [...eksCacRule(rule.id), ...elsewhere.refs],
      subject: clusterSubject({ status: 'manual', message: '' }),
      message: `no automated check of this rule runs in an EKS scan: ${elsewhere.question}`,
    });
  }
  return results;
}
