import type { Check, ComponentControl, Control, ControlMeta, ObjectControl, WorkloadControl } from '../controls/control.js';
import { objectComponents, type PodComponent } from '../evidence/component-config/pod.js';
import type { SourcedObject } from '../evidence/kube-object.js';
import { workloadOf, type WorkloadOptions } from '../evidence/workload.js';
import type { Inventory, InventoryExport } from '../evidence/inventory.js';
import { portableSourced, sourcedOf, type PortableSourced } from '../evidence/retained.js';
import type { Result, Subject } from './result.js';
import { evaluateInventory, inventoryFor } from './scan-inventory.js';
import type { WaiverSet } from './waivers.js';

export interface EvaluatorOptions extends WorkloadOptions {
  /** Exceptions, applied as each result is emitted while its object (labels, annotations) is at hand. */
  waivers?: WaiverSet;
  /** The objects are a whole cluster (live or snapshot), not a partial set of manifests: inventory controls may rely on absence. */
  complete?: boolean;
}

/** Subject of a result about a Kubernetes object, pointing at the line of `check.path`. */
export function resourceSubject(sourced: SourcedObject, check?: Pick<Check, 'container' | 'path'>): Subject {
  const { object, origin } = sourced;
  const subject: Subject = {
    type: 'resource',
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: typeof object.metadata?.name === 'string' ? object.metadata.name : '',
  };
  if (typeof object.metadata?.namespace === 'string') subject.namespace = object.metadata.namespace;
  if (check?.container !== undefined) subject.container = check.container;
  if (origin) {
    subject.file = origin.file;
    subject.line = check?.path ? origin.lineOf(check.path) : origin.line;
  }
  return subject;
}

export function toResult(meta: ControlMeta, check: Check, subject: Subject): Result {
  const result: Result = {
    control: meta.id,
    title: meta.title,
    severity: meta.severity,
    status: check.status,
    refs: meta.refs,
    subject,
    message: check.message,
  };
  if (check.status === 'fail' || check.status === 'error' || check.status === 'manual') result.remediation = meta.remediation;
  return result;
}

/** What an evaluator keeps for finish(), as plain data (see exportState). */
export interface EvaluatorState {
  inventory?: InventoryExport;
  /** Control-plane Pods, for the component controls that compare components. */
  components: PortableSourced[];
}

/** Runs every per-object control of `controls` over one object; results come out in catalog order. */
export class ObjectEvaluator {
  private readonly workloadControls: WorkloadControl[];
  private readonly objectControlsByKind = new Map<string, ObjectControl[]>();
  private readonly componentControls: ComponentControl[];
  /** Control-plane Pods seen so far, for component controls that compare components (evaluated in finish()). */
  private readonly seenComponents: { sourced: SourcedObject; component: PodComponent }[] = [];
  /** The kinds inventory controls (RBAC, namespaces, network policies) need, kept for finish(). */
  private readonly inventory: Inventory | undefined;

  constructor(
    readonly controls: readonly Control[],
    private readonly workloadOptions: EvaluatorOptions = {},
  ) {
    this.workloadControls = controls.filter((c): c is WorkloadControl => c.scope === 'workload');
    this.componentControls = controls.filter((c): c is ComponentControl => c.scope === 'component');
    this.inventory = controls.some((c) => c.scope === 'inventory') ? inventoryFor(controls, workloadOptions) : undefined;
    for (const control of controls) {
      if (control.scope !== 'object') continue;
      for (const kind of control.kinds) {
        const list = this.objectControlsByKind.get(kind) ?? [];
        list.push(control);
        this.objectControlsByKind.set(kind, list);
      }
    }
  }

  evaluate(sourced: SourcedObject, emitResult: (result: Result) => void): void {
    const workload = workloadOf(sourced, this.workloadOptions);
    this.inventory?.add(sourced, workload);
    const { waivers } = this.workloadOptions;
    const emit = waivers ? (result: Result) => emitResult(waivers.apply(result, sourced, workload?.podMetadata)) : emitResult;
    if (workload && this.workloadControls.length > 0) {
      for (const control of this.workloadControls) {
        for (const check of control.evaluate(workload)) emit(toResult(control, check, resourceSubject(sourced, check)));
      }
    }
    for (const control of this.objectControlsByKind.get(sourced.object.kind) ?? []) {
      for (const check of control.evaluate(sourced)) emit(toResult(control, check, resourceSubject(sourced, check)));
    }
    if (this.componentControls.length > 0) {
      // A control-plane Pod (static pod manifest, or a kube-system Pod from the API): the same
      // component controls as on a node, with the Pod as subject and the flag's line.
      for (const component of objectComponents(sourced)) {
        this.seenComponents.push({ sourced, component });
        for (const control of this.componentControls) {
          if (control.component !== component.config.kind || control.needsPeers) continue;
          this.emitComponentChecks(control, sourced, component, [], emit);
        }
      }
    }
  }

  /** What this evaluator keeps for finish(), as plain data: a worker thread's, for the main thread's evaluator. */
  exportState(): EvaluatorState {
    return {
      ...(this.inventory ? { inventory: this.inventory.export() } : {}),
      components: [...new Set(this.seenComponents.map((seen) => seen.sourced))].map(portableSourced),
    };
  }

  /** Takes over what another evaluator kept, as if its objects had been evaluated here next. */
  absorb(state: EvaluatorState): void {
    if (state.inventory) this.inventory?.absorb(state.inventory);
    for (const portable of state.components) {
      const sourced = sourcedOf(portable);
      for (const component of objectComponents(sourced)) this.seenComponents.push({ sourced, component });
    }
  }

  /** Tells the inventory controls that objects of `kind` could not be collected: they report `error`, not a verdict. */
  unreadable(kind: string, reason: string): void {
    this.inventory?.markUnreadable(kind, reason);
  }

  /** Runs the component controls that compare components, once every object has been seen. */
  finish(emitResult: (result: Result) => void): void {
    const peers = this.seenComponents.map((seen) => seen.component.config);
    const { waivers } = this.workloadOptions;
    for (const control of this.componentControls) {
      if (!control.needsPeers) continue;
      for (const { sourced, component } of this.seenComponents) {
        if (control.component !== component.config.kind) continue;
        const emit = waivers ? (result: Result) => emitResult(waivers.apply(result, sourced)) : emitResult;
        this.emitComponentChecks(control, sourced, component, peers.filter((peer) => peer !== component.config), emit);
      }
    }
    if (this.inventory) {
      evaluateInventory(this.controls, this.inventory, (result, object) => emitResult(waivers ? waivers.apply(result, object) : result));
    }
  }

  private emitComponentChecks(
    control: ComponentControl,
    sourced: SourcedObject,
    component: PodComponent,
    peers: PodComponent['config'][],
    emit: (result: Result) => void,
  ): void {
    for (const check of control.evaluate(component.config, { peers })) {
      const path = check.path ?? check.location?.path ?? component.containerPath;
      emit(toResult(control, check, resourceSubject(sourced, { ...(component.container !== undefined ? { container: component.container } : {}), path })));
    }
  }
}
