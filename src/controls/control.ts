import type { FieldPath, SourcedObject } from '../evidence/kube-object.js';
import type { Inventory, InventorySubject } from '../evidence/inventory.js';
import type { EksEvidence } from '../evidence/eks.js';
import type { ContainerView, WorkloadView } from '../evidence/workload.js';
import type { ComponentConfig, SourceLocation } from '../evidence/component-config/config.js';
import type { ComponentKind } from '../evidence/component-config/kinds.js';
import type { NodeEvidence } from '../evidence/node.js';
import type { Ref } from '../frameworks/refs.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Status = 'pass' | 'fail' | 'manual' | 'not-applicable' | 'error' | 'waived';
export const STATUSES: readonly Status[] = ['pass', 'fail', 'manual', 'not-applicable', 'error', 'waived'];

/** What a control knows about itself: everything the docs and reports say about it. */
export interface ControlMeta {
  id: string;
  title: string;
  severity: Severity;
  /** Family folder, e.g. pod-security, rbac, apiserver. */
  family: string;
  /** Why it matters. */
  rationale: string;
  /** The exact change that fixes a failure. */
  remediation: string;
  refs: Ref[];
}

/** One verdict of a control on (part of) the evidence it was given. */
export interface Check {
  status: Exclude<Status, 'waived'>;
  message: string;
  /** The container the verdict is about, for per-container checks. */
  container?: string;
  /** The offending (or satisfying) field, for the line number. */
  path?: FieldPath;
  /** For component controls: the file and line of the setting (a flag in a manifest or unit, a config-file field). */
  location?: SourceLocation;
}

/** Checks each workload (any object with a pod spec). */
export interface WorkloadControl extends ControlMeta {
  scope: 'workload';
  evaluate(workload: WorkloadView): Check[];
}

/** Checks each object of the given kinds. */
export interface ObjectControl extends ControlMeta {
  scope: 'object';
  kinds: readonly string[];
  evaluate(object: SourcedObject): Check[];
}

/** What a component control may look at besides the component itself. */
export interface ComponentContext {
  /** The other components seen on the same node or in the same scan (etcd-unique-ca compares etcd with the apiserver). */
  peers: readonly ComponentConfig[];
}

/** Checks the effective configuration of one component kind, wherever it was seen (node process, static pod, Pod). */
export interface ComponentControl extends ControlMeta {
  scope: 'component';
  component: ComponentKind;
  /** True when the verdict depends on `context.peers`: evaluate after every component has been seen. */
  needsPeers?: boolean;
  /**
   * Flags naming files whose content this control reads from `config.referencedFiles`; the node
   * source loads exactly these (e.g. encryption-provider-config, audit-policy-file).
   */
  needsFiles?: readonly string[];
  evaluate(config: ComponentConfig, context: ComponentContext): Check[];
}

/** A verdict on one node's facts, naming what it is about (a file, or a service such as sshd). */
export interface NodeCheck extends Check {
  subject: { type: 'file'; path: string; line?: number } | { type: 'component'; kind: string; file?: string; line?: number };
}

/** Checks one node's facts: file permissions and owners, services (kubeharden node). */
export interface NodeControl extends ControlMeta {
  scope: 'node';
  evaluate(node: NodeEvidence): NodeCheck[];
}


/** A verdict of an inventory control, on the subject it names (an object, or an RBAC user/group/service account). */
export interface InventoryCheck extends Check {
  subject: InventorySubject;
}

/** Checks the whole set of objects a scan saw (RBAC, namespaces, network policies), after the stream ends. */
export interface InventoryControl extends ControlMeta {
  scope: 'inventory';
  /** The kinds this control reads from the inventory; `Workload` means every object with a pod template. */
  kinds: readonly string[];
  evaluate(inventory: Inventory): InventoryCheck[];
}

/** A verdict on an EKS cluster, or on one of its parts (node group, repository) or Kubernetes objects. */
export interface EksCheck extends Check {
  /** The AWS resource the verdict is about, when not the cluster itself. */
  resource?: { kind: string; name: string };
  /** The Kubernetes object the verdict is about. */
  object?: SourcedObject;
}

/** Checks one Amazon EKS cluster's evidence (AWS API descriptions and its Kubernetes objects). */
export interface EksControl extends ControlMeta {
  scope: 'eks';
  evaluate(evidence: EksEvidence): EksCheck[];
}

export type Control = WorkloadControl | ObjectControl | ComponentControl | InventoryControl | EksControl | NodeControl;

/** The shared mechanism behind most pod-security controls: one verdict per container. */
export function perContainer(
  meta: ControlMeta,
  check: (container: ContainerView, workload: WorkloadView) => Omit<Check, 'container'>,
): WorkloadControl {
  return {
    ...meta,
    scope: 'workload',
    // Built field by field: an object spread here was the costliest line of a large scan.
    evaluate: (workload) =>
      workload.containers.map((container) => {
        const { status, message, path, location } = check(container, workload);
        const verdict: Check = { status, message, path, container: container.name };
        if (location !== undefined) verdict.location = location;
        return verdict;
      }),
  };
}

/** A pod-level control: one verdict per workload. */
export function perPod(meta: ControlMeta, check: (workload: WorkloadView) => Check): WorkloadControl {
  return { ...meta, scope: 'workload', evaluate: (workload) => [check(workload)] };
}

export const pass = (message: string, path?: FieldPath): Check => ({ status: 'pass', message, path });
export const fail = (message: string, path?: FieldPath): Check => ({ status: 'fail', message, path });
export const notApplicable = (message: string, path?: FieldPath): Check => ({ status: 'not-applicable', message, path });
