import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { DOCUMENTED_CONTROLS } from '../../src/controls/documented.js';
import { controlDocFiles } from '../../src/report/control-docs.js';

it('docs/controls is generated from the current catalog (run `npm run docs` when this fails)', () => {
  const expected = controlDocFiles(DOCUMENTED_CONTROLS);
  const present = readdirSync('docs/controls').sort();
  assert.deepEqual(present, [...expected.keys()].sort());
  for (const [name, content] of expected) {
    assert.equal(readFileSync(`docs/controls/${name}`, 'utf8'), content, `docs/controls/${name} is stale`);
  }
});

it('every control id is unique and kebab-case', () => {
  const ids = DOCUMENTED_CONTROLS.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});
