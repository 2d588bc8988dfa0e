import type { KubeObject, SourcedObject } from './kube-object.js';
import { BUILT_IN_POD_TEMPLATE_PATHS } from './workload.js';

/**
 * Reports each pod once, through the workload that owns it: a Pod or ReplicaSet whose controller
 * (ReplicaSet → Deployment, Job → CronJob, …) was collected is covered by that owner's results.
 * Naked objects, and objects whose owner is not a collected workload (a Node owns static pods'
 * mirrors; an owner the credentials could not list), are reported themselves.
 */
export class OwnerIndex {
  /** kind/namespace/name → uid ('' when the object has none). */
  private readonly workloads = new Map<string, string>();
  private readonly waiting: SourcedObject[] = [];

  constructor(private readonly workloadKinds: ReadonlySet<string> = new Set(Object.keys(BUILT_IN_POD_TEMPLATE_PATHS))) {}

  /** Records a collected object; call it for every object before asking about its dependents. */
  add(object: KubeObject): void {
    // Pods own no workloads; leaving them out keeps the index small at 50 000 pods.
    if (object.kind === 'Pod' || !this.workloadKinds.has(object.kind)) return;
    const { name, namespace, uid } = object.metadata ?? {};
    if (typeof name !== 'string') return;
    this.workloads.set(ownerKey(object.kind, typeof namespace === 'string' ? namespace : '', name), typeof uid === 'string' ? uid : '');
  }

  /** The controller owner reference of a workload-kind object, if it names a workload kind. */
  private controller(object: KubeObject) {
    if (!this.workloadKinds.has(object.kind)) return undefined;
    return object.metadata?.ownerReferences?.find((ref) => ref.controller === true && typeof ref.kind === 'string' && this.workloadKinds.has(ref.kind));
  }

  /** True when the object's controller owner has been added, so its own results would repeat the owner's. */
  coveredByOwner(object: KubeObject): boolean {
    const ref = this.controller(object);
    if (!ref?.kind || !ref.name) return false;
    const namespace = typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '';
    const uid = this.workloads.get(ownerKey(ref.kind, namespace, ref.name));
    if (uid === undefined) return false;
    const refUid = (ref as { uid?: unknown }).uid;
    return uid === '' || typeof refUid !== 'string' || refUid === uid;
  }

  /** True when the object has a workload controller that may still be collected later. */
  mayBeCovered(object: KubeObject): boolean {
    return this.controller(object) !== undefined;
  }

  /** Holds an object until all are added (a dump lists pods before their owners). */
  defer(sourced: SourcedObject): void {
    this.waiting.push(sourced);
  }

  /** The deferred objects whose owner never appeared, in the order they were deferred. */
  uncovered(): SourcedObject[] {
    return this.waiting.filter((sourced) => !this.coveredByOwner(sourced.object));
  }
}

function ownerKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}
