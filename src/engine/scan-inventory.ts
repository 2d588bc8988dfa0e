import type { Control, InventoryControl } from '../controls/control.js';
import { Inventory, type InventoryOptions, type InventorySubject } from '../evidence/inventory.js';
import type { Result, Subject } from './result.js';
import { resourceSubject, toResult } from './scan-objects.js';
import type { WaiverSet } from './waivers.js';

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

/** Runs the inventory controls (catalog order) once every object has been seen. */
export function evaluateInventory(controls: readonly Control[], inventory: Inventory, waivers?: WaiverSet): Result[] {
  const results: Result[] = [];
  for (const control of inventoryControls(controls)) {
    for (const check of control.evaluate(inventory)) {
      const object = 'object' in check.subject ? check.subject.object : undefined;
      const subject = 'object' in check.subject
        ? resourceSubject(check.subject.object, { path: check.path ?? check.subject.path, container: check.container })
        : inventorySubject(check.subject);
      const result = toResult(control, check, subject);
      results.push(waivers ? waivers.apply(result, object) : result);
    }
  }
  return results;
}
