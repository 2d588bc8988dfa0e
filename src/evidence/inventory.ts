import { isNamespacedKind } from './api-resources.js';
import type { FieldPath, KubeObject, SourcedObject } from './kube-object.js';
import { portableSourced, retainedObject, retainedWorkload, retainedWorkloadView, sourcedOf, type PortableSourced } from './retained.js';
import { BUILT_IN_POD_TEMPLATE_PATHS, workloadOf, type WorkloadOptions, type WorkloadView } from './workload.js';

/** Pseudo-kind for inventory controls that need every object with a pod template. */
export const WORKLOAD_KIND = 'Workload';

/** The namespaces Kubernetes itself owns (STIG V-242417: "kube-node-lease, kube-public, and kube-system"). */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

export function isSystemNamespace(name: string): boolean {
  return SYSTEM_NAMESPACES.includes(name);
}

export interface InventoryOptions extends WorkloadOptions {
  /**
   * True when the objects are a whole cluster (a live scan or its snapshot); false for manifests,
   * where an object that was not seen may still exist in the cluster.
   */
  complete?: boolean;
}

/** A subject that need not be an object: an RBAC user, group or service account, or an undeclared namespace. */
export interface NamedSubject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** Where it is mentioned (a binding's subjects entry, a workload in the namespace), for file:line. */
  mentionedAt?: { sourced: SourcedObject; path?: FieldPath };
}

/** What an inventory verdict is about: an object, a named principal or namespace, or the cluster as a whole. */
export type InventorySubject = { object: SourcedObject; path?: FieldPath } | { named: NamedSubject } | { cluster: true };

/** What the scan knows about one namespace. */
export interface NamespaceFacts {
  name: string;
  /** The Namespace object, when it was among the objects. */
  object?: SourcedObject;
  /** Objects seen in the namespace (Namespace objects excluded). */
  objectCount: number;
  firstObject?: SourcedObject;
  /** Objects with a pod template seen in it: pods run here. */
  workloadCount: number;
  firstWorkload?: SourcedObject;
  /** Objects without metadata.namespace that were counted here because kubectl puts them in `default`. */
  assumedCount: number;
}

/** The name of an object. */
export function nameOf(object: KubeObject): string {
  return typeof object.metadata?.name === 'string' ? object.metadata.name : '';
}

/**
 * The namespace an object lives in: its own, or `default` for a namespaced kind without one
 * (where `kubectl apply` without `-n` puts it); undefined for cluster-scoped or unknown kinds.
 */
export function namespaceOf(object: KubeObject): { namespace: string; assumed: boolean } | undefined {
  const namespaced = isNamespacedKind(object.kind);
  if (namespaced === false) return undefined;
  const own = object.metadata?.namespace;
  if (typeof own === 'string' && own !== '') return { namespace: own, assumed: false };
  if (namespaced === true) return { namespace: 'default', assumed: true };
  return undefined;
}

/** What an inventory kept, as plain data: a worker thread's inventory hands it to the main thread's (absorb). */
export interface InventoryExport {
  namespaces: (Omit<NamespaceFacts, 'object' | 'firstObject' | 'firstWorkload'> & {
    object?: PortableSourced;
    firstObject?: PortableSourced;
    firstWorkload?: PortableSourced;
  })[];
  /** Objects of the kept kinds, whole. */
  kept: PortableSourced[];
  /** Workloads as retainedWorkload keeps them. */
  workloads: PortableSourced[];
}

/**
 * The objects of the kinds inventory controls need, collected while a scan streams past, keeping
 * their origin. Source-agnostic: manifests, a live cluster and a snapshot all feed it through `add`.
 */
export class Inventory {
  readonly complete: boolean;
  private readonly byKind = new Map<string, SourcedObject[]>();
  private readonly wanted: Set<string> | undefined;
  private readonly workloadList: WorkloadView[] = [];
  private readonly retainedWorkloads: PortableSourced[] = [];
  private readonly namespaceFacts = new Map<string, NamespaceFacts>();
  /** The retained forms of each namespace's firstObject and firstWorkload, for export. */
  private readonly retainedFirsts = new Map<string, { firstObject?: PortableSourced; firstWorkload?: PortableSourced }>();
  private readonly byKey = new Map<string, SourcedObject>();
  private readonly unreadableKinds = new Map<string, string>();

  /** `kinds`: what to keep (`'all'` keeps everything); namespaces are tallied for every object. */
  constructor(
    kinds: Iterable<string> | 'all',
    private readonly options: InventoryOptions = {},
  ) {
    this.complete = options.complete ?? false;
    this.wanted = kinds === 'all' ? undefined : new Set(kinds);
  }

  /** `workload`: the object's workload view when the caller has it (else it is derived). */
  add(sourced: SourcedObject, workload: WorkloadView | undefined = workloadOf(sourced, this.options)): void {
    const { object } = sourced;
    if (object.kind === 'Namespace') {
      const facts = this.facts(nameOf(object));
      facts.object ??= sourced;
    } else {
      const where = namespaceOf(object);
      if (where) {
        const facts = this.facts(where.namespace);
        facts.objectCount += 1;
        if (where.assumed) facts.assumedCount += 1;
        if (!facts.firstObject) this.setFirst(facts, 'firstObject', retainedObject(sourced));
        if (workload) {
          facts.workloadCount += 1;
          if (!facts.firstWorkload) this.setFirst(facts, 'firstWorkload', retainedObject(sourced));
        }
      }
    }
    if (!this.wanted || this.wanted.has(object.kind)) this.keep(sourced);
    if (workload && (!this.wanted || this.wanted.has(WORKLOAD_KIND))) this.addWorkload(retainedWorkload(workload));
  }

  /** Everything this inventory kept, as plain data (unreadable kinds are not part of it). */
  export(): InventoryExport {
    return {
      namespaces: [...this.namespaceFacts.values()].map((facts) => ({
        name: facts.name,
        objectCount: facts.objectCount,
        workloadCount: facts.workloadCount,
        assumedCount: facts.assumedCount,
        ...(facts.object ? { object: portableSourced(facts.object) } : {}),
        ...this.retainedFirsts.get(facts.name),
      })),
      kept: [...this.byKind.values()].flatMap((list) => list.map(portableSourced)),
      workloads: this.retainedWorkloads,
    };
  }

  /** Adds what another inventory kept, as if its objects had been added here next, in their order. */
  absorb(exported: InventoryExport): void {
    for (const theirs of exported.namespaces) {
      const facts = this.facts(theirs.name);
      facts.objectCount += theirs.objectCount;
      facts.workloadCount += theirs.workloadCount;
      facts.assumedCount += theirs.assumedCount;
      if (theirs.object) facts.object ??= sourcedOf(theirs.object);
      if (theirs.firstObject && !facts.firstObject) this.setFirst(facts, 'firstObject', theirs.firstObject);
      if (theirs.firstWorkload && !facts.firstWorkload) this.setFirst(facts, 'firstWorkload', theirs.firstWorkload);
    }
    for (const kept of exported.kept) this.keep(sourcedOf(kept));
    for (const workload of exported.workloads) this.addWorkload(workload);
  }

  private setFirst(facts: NamespaceFacts, which: 'firstObject' | 'firstWorkload', retained: PortableSourced): void {
    facts[which] = sourcedOf(retained);
    const firsts = this.retainedFirsts.get(facts.name) ?? {};
    firsts[which] = retained;
    this.retainedFirsts.set(facts.name, firsts);
  }

  private keep(sourced: SourcedObject): void {
    const { object } = sourced;
    const list = this.byKind.get(object.kind) ?? [];
    list.push(sourced);
    this.byKind.set(object.kind, list);
    const key = `${object.kind}/${namespaceOf(object)?.namespace ?? ''}/${nameOf(object)}`;
    if (!this.byKey.has(key)) this.byKey.set(key, sourced);
  }

  private addWorkload(retained: PortableSourced): void {
    this.retainedWorkloads.push(retained);
    this.workloadList.push(retainedWorkloadView(retained, this.options));
  }

  private facts(name: string): NamespaceFacts {
    let facts = this.namespaceFacts.get(name);
    if (!facts) {
      facts = { name, objectCount: 0, assumedCount: 0, workloadCount: 0 };
      this.namespaceFacts.set(name, facts);
    }
    return facts;
  }

  /**
   * Records that the source could not read objects of `kind` (a 403, a timeout): controls that need
   * the kind are then reported as `error` instead of judging an incomplete set.
   */
  markUnreadable(kind: string, reason: string): void {
    if (!this.unreadableKinds.has(kind)) this.unreadableKinds.set(kind, reason);
  }

  /** Why objects of any of `kinds` could not be read, or undefined when all were. */
  unreadable(kinds: readonly string[]): string | undefined {
    const workloadKinds = kinds.includes(WORKLOAD_KIND)
      ? new Set([...Object.keys(BUILT_IN_POD_TEMPLATE_PATHS), ...Object.keys(this.options.podTemplatePaths ?? {})])
      : new Set<string>();
    const reasons = [...this.unreadableKinds.entries()]
      .filter(([kind]) => kinds.includes(kind) || workloadKinds.has(kind))
      .map(([kind, reason]) => `${kind}: ${reason}`);
    return reasons.length > 0 ? reasons.join('; ') : undefined;
  }

  /** Objects of the given kinds, in the order they were seen. */
  ofKind(...kinds: string[]): SourcedObject[] {
    return kinds.flatMap((kind) => this.byKind.get(kind) ?? []);
  }

  /**
   * Every object with a pod template, in the order seen, as retainedWorkload keeps it: metadata
   * and the pod spec's scalar fields, no containers.
   */
  workloads(): readonly WorkloadView[] {
    return this.workloadList;
  }

  /** Every namespace declared or used, by name. */
  namespaces(): NamespaceFacts[] {
    return [...this.namespaceFacts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * The namespaces pods live in or may live in: every declared Namespace, and every namespace some
   * workload is in even when its Namespace object was not seen (a manifest set rarely declares default).
   */
  podNamespaces(): NamespaceFacts[] {
    return this.namespaces().filter((ns) => ns.object !== undefined || ns.workloadCount > 0);
  }

  /** The (first seen) object of `kind` named `name`, in `namespace` for namespaced kinds. */
  find(kind: string, name: string, namespace?: string): SourcedObject | undefined {
    return this.byKey.get(`${kind}/${namespace ?? ''}/${name}`);
  }

  /** How to say where an unseen object might be, for messages. */
  get scope(): string {
    return this.complete ? 'in the cluster' : 'among the scanned objects';
  }
}
