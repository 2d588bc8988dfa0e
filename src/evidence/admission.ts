import { nameOf, type Inventory } from './inventory.js';
import { asArray, getPath, isRecord, type SourcedObject } from './kube-object.js';

export const PSA_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PsaLevel = (typeof PSA_LEVELS)[number];
const PSA_PREFIX = 'pod-security.kubernetes.io/';

/** The Pod Security Admission labels of a namespace: `enforce=baseline (v1.30), warn=restricted`. */
export function psaLabels(labels: Readonly<Record<string, string>> | undefined): { enforce?: string; summary: string } {
  const have = labels ?? {};
  const parts = ['enforce', 'audit', 'warn']
    .filter((mode) => have[`${PSA_PREFIX}${mode}`] !== undefined)
    .map((mode) => {
      const version = have[`${PSA_PREFIX}${mode}-version`];
      return `${mode}=${have[`${PSA_PREFIX}${mode}`]}${version ? ` (${version})` : ''}`;
    });
  return { enforce: have[`${PSA_PREFIX}enforce`], summary: parts.length ? parts.join(', ') : 'no pod-security.kubernetes.io labels' };
}

/** Admission engines recognised by the namespace their webhook service runs in, or by their webhook configuration name. */
const ENGINES: readonly { name: string; namespaces: string[]; prefixes: string[] }[] = [
  { name: 'Kyverno', namespaces: ['kyverno'], prefixes: ['kyverno-'] },
  { name: 'OPA Gatekeeper', namespaces: ['gatekeeper-system'], prefixes: ['gatekeeper-'] },
  { name: 'Kubewarden', namespaces: ['kubewarden'], prefixes: ['kubewarden-', 'rancher.kubewarden'] },
  { name: 'jsPolicy', namespaces: ['jspolicy'], prefixes: ['jspolicy'] },
];

/** Policy objects of those engines (their webhook configurations are created at runtime, so manifests show these instead). */
const POLICY_KINDS: Readonly<Record<string, string>> = {
  ClusterPolicy: 'Kyverno',
  Policy: 'Kyverno',
  ConstraintTemplate: 'OPA Gatekeeper',
  ClusterAdmissionPolicy: 'Kubewarden',
  AdmissionPolicy: 'Kubewarden',
  ValidatingAdmissionPolicy: 'ValidatingAdmissionPolicy (built-in CEL admission)',
};
export const WEBHOOK_KINDS = ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'];
/** The kinds `admissionMechanisms` reads. */
export const ADMISSION_KINDS = ['Namespace', ...WEBHOOK_KINDS, ...Object.keys(POLICY_KINDS)];

export interface AdmissionMechanisms {
  /** Recognised engines and built-in policies: "Kyverno: ValidatingWebhookConfiguration kyverno-resource-validating-webhook-cfg". */
  engines: string[];
  /** Webhook configurations of no recognised engine that intercept pods (CIS 5.2.1: review them). */
  unrecognisedPodWebhooks: SourcedObject[];
}

function engineOfWebhook(sourced: SourcedObject): string | undefined {
  const name = nameOf(sourced.object);
  const namespaces = asArray(sourced.object.webhooks).map((w) => getPath(w, ['clientConfig', 'service', 'namespace']));
  return ENGINES.find((e) => e.prefixes.some((p) => name.startsWith(p)) || namespaces.some((ns) => typeof ns === 'string' && e.namespaces.includes(ns)))?.name;
}

function interceptsPods(sourced: SourcedObject): boolean {
  return asArray(sourced.object.webhooks).some((w) =>
    asArray(isRecord(w) ? w.rules : undefined).some((r) => isRecord(r) && asArray(r.resources).some((res) => res === 'pods' || res === '*' || res === 'pods/*')));
}

export function admissionMechanisms(inventory: Inventory, describe: (sourced: SourcedObject) => string): AdmissionMechanisms {
  const engines: string[] = [];
  const unrecognisedPodWebhooks: SourcedObject[] = [];
  for (const webhook of inventory.ofKind(...WEBHOOK_KINDS)) {
    const engine = engineOfWebhook(webhook);
    if (engine) engines.push(`${engine}: ${describe(webhook)}`);
    else if (interceptsPods(webhook)) unrecognisedPodWebhooks.push(webhook);
  }
  for (const [kind, engine] of Object.entries(POLICY_KINDS)) {
    const objects = inventory.ofKind(kind);
    if (objects.length > 0) engines.push(`${engine}: ${objects.length} ${kind} object(s), first ${describe(objects[0]!)}`);
  }
  return { engines, unrecognisedPodWebhooks };
}
