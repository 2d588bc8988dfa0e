import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Control } from '../src/controls/control.js';
import type { Result } from '../src/engine/result.js';
import { ObjectEvaluator } from '../src/engine/scan-objects.js';
import type { WorkloadOptions } from '../src/evidence/workload.js';
import { objectsOfText } from '../src/sources/manifests/index.js';
import { subjectLabel } from '../src/report/subject-label.js';

/** What one result must be: its status and subject label (`Kind ns/name [container]`), optionally line and message. */
export interface ExpectedResult {
  status: Result['status'];
  subject: string;
  line?: number;
  message?: RegExp;
}

export interface ControlCase {
  name: string;
  /** Manifest text, one or more YAML documents. */
  yaml: string;
  /** Treat the objects as a whole cluster (live scan or snapshot) rather than a partial set of manifests. */
  complete?: boolean;
  expect: ExpectedResult[];
}

/** Runs a control over manifests through the real loader and evaluator (and inventory, for inventory controls). */
export function evaluateManifest(control: Control, yaml: string, options: WorkloadOptions & { complete?: boolean } = {}): Result[] {
  const evaluator = new ObjectEvaluator([control], options);
  const results: Result[] = [];
  for (const item of objectsOfText('case.yaml', yaml)) {
    if (item.type === 'problem') {
      if (item.problem.level === 'error') throw new Error(`test manifest does not parse: ${item.problem.line}: ${item.problem.message}`);
      continue;
    }
    evaluator.evaluate(item.item, (r) => results.push(r));
  }
  evaluator.finish((r) => results.push(r));
  return results;
}

/**
 * The table test of a control (ESLint RuleTester style): every case lists every result it
 * must produce, in order, with exact status and subject — nothing more, nothing less.
 */
export function testControl(control: Control, cases: ControlCase[], options: WorkloadOptions = {}): void {
  describe(control.id, () => {
    it('has both passing and failing cases', () => {
      const statuses = new Set(cases.flatMap((c) => c.expect.map((e) => e.status)));
      assert.ok(statuses.has('pass'), 'no case expects pass');
      assert.ok(statuses.has('fail'), 'no case expects fail');
    });
    for (const testCase of cases) {
      it(testCase.name, () => {
        const results = evaluateManifest(control, testCase.yaml, { ...options, complete: testCase.complete });
        const actual = results.map((r) => ({ status: r.status, subject: subjectLabel(r.subject) }));
        const expected = testCase.expect.map((e) => ({ status: e.status, subject: e.subject }));
        assert.deepEqual(actual, expected);
        testCase.expect.forEach((e, i) => {
          const result = results[i]!;
          assert.equal(result.control, control.id);
          if (e.line !== undefined) assert.equal('line' in result.subject ? result.subject.line : undefined, e.line, `line of result ${i}`);
          if (e.message) assert.match(result.message, e.message);
        });
      });
    }
  });
}
