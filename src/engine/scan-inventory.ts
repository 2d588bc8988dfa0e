import type { Control, InventoryControl } from '../controls/control.js';
import { Inventory, type InventoryOptions, type InventorySubject } from '../evidence/inventory.js';
import type { SourcedObject } from '../evidence/kube-object.js';
import type { Result, Subject } from './result.js';
import { resourceSubject, toResult } from './scan-objects.js';

export function inventoryControls(controls: readonly Control[]): InventoryControl[] {
  return controls.filter((c): c is InventoryControl => c.scope === 'inventory');
}

/** An empty inventory that keeps just the kinds the given controls read. */
export function inventoryFor(controls: readonly Control[], options: InventoryOptions = {}): Inventory {
  return new Inventory(new Set(inventoryControls(controls).flatMap((c) => c.kinds)), options);
}

/** The results-contract subject of an inventory check: an object, or a named user/group/service account/namespace. */
export function inventorySubject(subject: InventorySubject): Subject {
  if ('object' in subject) return resourceSubject(subject.object, { path: subject.path });
  if ('cluster' in subject) return { type: 'cluster' };
  const { named } = subject;
  const result: Subject = { type: 'resource', apiVersion: named.apiVersion, kind: named.kind, name: named.name };
  if (named.namespace !== undefined) result.namespace = named.namespace;
  const origin = named.mentionedAt?.sourced.origin;
  if (origin) {
    result.file = origin.file;
    result.line = named.mentionedAt?.path ? origin.lineOf(named.mentionedAt.path) : origin.line;
  }
  return result;
}

/**
 * Runs the inventory controls (catalog order) once every object has been seen; `emit` also gets the
 * object a result is about, when it is one, so waivers can read its labels and annotations.
 */
export function evaluateInventory(controls: readonly Control[], inventory: Inventory, emit: (result: Result, object?: SourcedObject) => void): void {
  for (const control of inventoryControls(controls)) {
    // Fail closed: a control whose kinds could not all be read judges nothing (CIS 5.1 on half the bindings would pass wrongly).
    const unreadable = inventory.unreadable(control.kinds);
    if (unreadable !== undefined) {
      emit(toResult(control, { status: 'error', message: `not evaluated: objects it needs could not be read (${unreadable})` }, { type: 'cluster' }));
      continue;
    }
    for (const check of control.evaluate(inventory)) {
      if ('object' in check.subject) {
        const subject = resourceSubject(check.subject.object, { path: check.path ?? check.subject.path, container: check.container });
        emit(toResult(control, check, subject), check.subject.object);
      } else {
        emit(toResult(control, check, inventorySubject(check.subject)));
      }
    }
  }
}
