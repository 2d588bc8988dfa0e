import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import type { Result } from '../../src/engine/result.js';
import { scanManifests } from '../../src/engine/scan-manifests.js';
import { CONCEPT_CONTROLS, CONCEPTS_NOT_YET_AUTOMATED } from './concepts.js';
import { CORPUS_DIR, corpusResourceKey, loadCorpus, loadExceptions, type CorpusCase } from './corpus.js';

const cases = loadCorpus();
const exceptions = new Map(loadExceptions().map((e) => [e.case, e]));

/** kubeharden's verdict on a case: `fail` when a mapped control fails on a resource the case names. */
async function verdictOf(testCase: CorpusCase, controlIds: string[]): Promise<{ verdict: 'pass' | 'fail'; failures: Result[] }> {
  const results = await scanManifests(
    testCase.files.map((f) => join(CORPUS_DIR, f)),
    { controls: CATALOG.filter((c) => controlIds.includes(c.id)) },
  );
  const errors = results.filter((r) => r.status === 'error');
  assert.deepEqual(errors.map((r) => r.message), [], `case ${testCase.id} has input errors`);
  const failures = results.filter((r) => r.status === 'fail');
  if (testCase.expect === 'pass') return { verdict: failures.length > 0 ? 'fail' : 'pass', failures };
  const named = new Set([testCase.resource, ...testCase.flagged_resources, ...testCase.related_resources].filter(Boolean));
  // The corpus often writes a resource without its namespace (Kind//name) even where the object has one.
  const matches = (r: Result) =>
    r.subject.type !== 'resource' || named.has(corpusResourceKey(r.subject)) || named.has(corpusResourceKey({ ...r.subject, namespace: '' }));
  const onNamed = failures.filter((r) => named.size === 0 || matches(r));
  return { verdict: onNamed.length > 0 ? 'fail' : 'pass', failures };
}

describe('acceptance corpus (../shared/corpus)', () => {
  it('every concept is either decided by controls or listed as not yet automated', () => {
    const known = new Set(CATALOG.map((c) => c.id));
    for (const [concept, ids] of Object.entries(CONCEPT_CONTROLS)) {
      for (const id of ids) assert.ok(known.has(id), `concept ${concept} maps to unknown control ${id}`);
    }
    const unmapped = [...new Set(cases.map((c) => c.concept))].filter(
      (concept) => !(concept in CONCEPT_CONTROLS) && !(concept in CONCEPTS_NOT_YET_AUTOMATED),
    );
    assert.deepEqual(unmapped, []);
  });

  it('every exception names a real case', () => {
    const ids = new Set(cases.map((c) => c.id));
    for (const id of exceptions.keys()) assert.ok(ids.has(id), `exceptions.yaml names unknown case ${id}`);
  });

  for (const testCase of cases) {
    const controlIds = CONCEPT_CONTROLS[testCase.concept];
    if (!controlIds) continue;
    it(`${testCase.id} (${testCase.concept}) → ${exceptions.get(testCase.id)?.verdict ?? testCase.expect}`, async () => {
      const { verdict, failures } = await verdictOf(testCase, controlIds);
      const exception = exceptions.get(testCase.id);
      const expected = exception ? exception.verdict : testCase.expect;
      assert.equal(
        verdict,
        expected,
        `${testCase.id}: expected ${expected}${exception ? ' (corpus exception)' : ''}, got ${verdict}; failures: ` +
          failures.map((r) => `${r.control} ${corpusResourceKey(r.subject as object)} ${r.message}`).join('; '),
      );
    });
  }
});
