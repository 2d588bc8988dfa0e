import type { InventoryCheck, InventoryControl } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';
import { ADMISSION_KINDS, admissionMechanisms, PSA_LEVELS, psaLabels, type PsaLevel } from '../../evidence/admission.js';
import { isSystemNamespace, type Inventory, type NamespaceFacts } from '../../evidence/inventory.js';
import { describeObject } from '../../evidence/rbac.js';
import { namespaceSubject, namespaceUse } from './namespace-subject.js';

function psaControl(id: string, minimum: Exclude<PsaLevel, 'privileged'>, meta: Pick<InventoryControl, 'title' | 'severity' | 'rationale' | 'remediation' | 'refs'>): InventoryControl {
  const judge = (facts: NamespaceFacts, inventory: Inventory, engines: readonly string[]): InventoryCheck => {
    const subject = namespaceSubject(facts);
    if (!facts.object) {
      return {
        status: inventory.complete ? 'error' : 'manual',
        message: `namespace ${facts.name} is ${namespaceUse(facts)} but its Namespace object is not ${inventory.scope}: its Pod Security Admission labels are unknown`,
        subject,
      };
    }
    const { enforce, summary } = psaLabels(facts.object.object.metadata?.labels);
    const path = ['metadata', 'labels', 'pod-security.kubernetes.io/enforce'];
    if (isSystemNamespace(facts.name)) {
      return { status: 'pass', message: `system namespace ${facts.name} runs privileged control-plane pods and is exempt (${summary})`, subject };
    }
    const rank = PSA_LEVELS.indexOf(enforce as PsaLevel);
    if (rank >= PSA_LEVELS.indexOf(minimum)) return { status: 'pass', message: `namespace ${facts.name}: ${summary}`, subject: { object: facts.object, path } };
    if (engines.length > 0) {
      return {
        status: 'manual',
        message: `namespace ${facts.name} does not enforce ${minimum} through Pod Security Admission (${summary}); confirm the policy engine covers it: ${engines.join('; ')}`,
        subject: { object: facts.object, path },
      };
    }
    const why = enforce === undefined
      ? 'no enforce label: Pod Security Admission enforces nothing here unless the API server\'s AdmissionConfiguration sets a default'
      : rank < 0 ? `enforce label "${enforce}" is not a Pod Security level` : `enforces only ${enforce}`;
    return { status: 'fail', message: `namespace ${facts.name} must enforce at least ${minimum}: ${why} (${summary})`, subject: { object: facts.object, path } };
  };
  return {
    id,
    family: 'network',
    ...meta,
    scope: 'inventory',
    kinds: ADMISSION_KINDS,
    evaluate(inventory) {
      const { engines } = admissionMechanisms(inventory, describeObject);
      return inventory.podNamespaces().map((facts) => judge(facts, inventory, engines));
    },
  };
}

/** CIS 5.2.1 at namespace level: each namespace's PSA enforce level, reported. */
export const namespacePodSecurityBaseline = psaControl('namespace-pod-security-baseline', 'baseline', {
  title: 'Namespaces enforce at least the baseline Pod Security Standard',
  severity: 'medium',
  rationale:
    'Pod Security Admission only rejects privileged, host-namespace and hostPath pods in namespaces labelled pod-security.kubernetes.io/enforce: baseline or restricted; elsewhere nothing stops them.',
  remediation:
    'Label the namespace: kubectl label namespace NAME pod-security.kubernetes.io/enforce=baseline (or restricted) pod-security.kubernetes.io/enforce-version=latest.',
  refs: [...cis('5.2.1'), ...nsaCisa('pod-security/enforcement-mechanism')],
});

export const namespacePodSecurityRestricted = psaControl('namespace-pod-security-restricted', 'restricted', {
  title: 'Namespaces enforce the restricted Pod Security Standard',
  severity: 'low',
  rationale:
    'The restricted profile adds non-root, no privilege escalation, dropped capabilities and a seccomp profile to the baseline: the current pod hardening best practice.',
  remediation: 'Label the namespace pod-security.kubernetes.io/enforce=restricted once its workloads comply (try warn=restricted first).',
  refs: [...nsaCisa('pod-security/enforcement-mechanism', 'pod-security/non-root', 'pod-security/root-and-escalation')],
});
