import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Control, Status } from '../../../src/controls/control.js';
import { evaluateManifest } from '../../control-tester.js';
import { subjectLabel } from '../../../src/report/subject-label.js';

export interface FamilyCase {
  name: string;
  /** One or more manifests (multi-document YAML). */
  yaml: string;
  /** The subject every result must have, as `Kind ns/name [container]`. */
  subject: string;
  /** The status of every control of the family on this input (one result each). */
  expect: Record<string, Status>;
}

/**
 * A table test over a whole family of component controls: each case states the status of EVERY
 * control of the family, so a control added without a case fails here, and across the cases each
 * control must be seen both passing and failing.
 */
export function testFamily(
  family: string,
  controls: readonly Control[],
  cases: FamilyCase[],
  /** Controls whose passing case needs evidence a manifest cannot carry, with the test that has it. */
  passTestedElsewhere: Record<string, string> = {},
): void {
  describe(`${family} controls`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        assert.deepEqual(Object.keys(testCase.expect).sort(), controls.map((c) => c.id).sort(), 'the case must list every control of the family');
        for (const control of controls) {
          const results = evaluateManifest(control, testCase.yaml);
          assert.equal(results.length, 1, `${control.id}: one result expected, got ${results.length}`);
          assert.equal(results[0]!.status, testCase.expect[control.id], `${control.id}: ${results[0]!.message}`);
          assert.equal(subjectLabel(results[0]!.subject), testCase.subject, `${control.id}: subject`);
        }
      });
    }
    it('every control is seen passing and failing', () => {
      for (const control of controls) {
        const seen = new Set(cases.map((c) => c.expect[control.id]));
        if (control.id in passTestedElsewhere) seen.add('pass');
        assert.ok(seen.has('pass') && seen.has('fail'), `${control.id} needs a passing and a failing case (has ${[...seen].join(', ')})`);
      }
    });
  });
}

/** Expected statuses written as exceptions to a common one: `statuses(controls, 'pass', { fail: ['a', 'b'] })`. */
export function statuses(
  controls: readonly Control[],
  usual: Status,
  others: Partial<Record<Status, string[]>> = {},
): Record<string, Status> {
  const expect: Record<string, Status> = Object.fromEntries(controls.map((c) => [c.id, usual]));
  for (const [status, ids] of Object.entries(others) as [Status, string[]][]) {
    for (const id of ids) {
      assert.ok(id in expect, `unknown control ${id}`);
      expect[id] = status;
    }
  }
  return expect;
}
