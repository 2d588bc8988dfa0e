import type { InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { ADMISSION_KINDS, admissionMechanisms, psaLabels } from '../../evidence/admission.js';
import { describeObject } from '../../evidence/rbac.js';

/**
 * CIS 5.2.1, judged for the cluster as a whole. Its audit: review the namespaces' Pod Security
 * labels, and "review the cluster for the presence of validatingadmission webhook and
 * mutatingadmissionwebhook objects" for an external policy control system.
 */
export const policyControlMechanism: InventoryControl = {
  id: 'policy-control-mechanism',
  title: 'The cluster has at least one active policy control mechanism',
  severity: 'high',
  family: 'network',
  rationale:
    'Without Pod Security Admission enforcement or a policy engine (Kyverno, Gatekeeper, Kubewarden), anyone who can create a pod can create a privileged one and take over its node.',
  remediation:
    'Enforce Pod Security Admission (label namespaces pod-security.kubernetes.io/enforce=baseline or restricted, or set cluster defaults in the API server\'s AdmissionConfiguration), or deploy a policy engine with pod security policies.',
  refs: [...cis('5.2.1'), ...nsaCisa('pod-security/enforcement-mechanism')],
  scope: 'inventory',
  kinds: ADMISSION_KINDS,
  evaluate(inventory) {
    const found: string[] = [];
    const enforced = inventory.namespaces().filter((ns) => ns.object && psaLabels(ns.object.object.metadata?.labels).enforce !== undefined);
    if (enforced.length > 0) {
      found.push(`Pod Security Admission enforce labels on ${enforced.map((ns) => `${ns.name} (${psaLabels(ns.object!.object.metadata?.labels).enforce})`).join(', ')}`);
    }
    const { engines, unrecognisedPodWebhooks } = admissionMechanisms(inventory, describeObject);
    found.push(...engines);
    const subject = { cluster: true as const };
    if (found.length > 0) return [{ status: 'pass', message: found.join('; '), subject }];
    const none = `no Pod Security Admission enforce label, recognised policy engine (Kyverno, Gatekeeper, Kubewarden, jsPolicy) or ValidatingAdmissionPolicy ${inventory.scope}`;
    if (unrecognisedPodWebhooks.length > 0) {
      return [{
        status: 'manual',
        message: `${none}; webhooks that intercept pods may be one: ${unrecognisedPodWebhooks.map(describeObject).join(', ')} — confirm they enforce pod security policy`,
        subject,
      }];
    }
    if (inventory.complete) {
      return [{ status: 'fail', message: `${none} (a cluster-wide default in the API server's AdmissionConfiguration is not visible here; waive if you set one)`, subject }];
    }
    return [{ status: 'manual', message: `${none}; the cluster may still enforce policy through objects not scanned here or the API server's AdmissionConfiguration`, subject }];
  },
};
