import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';

const SHARED = join('..', 'shared', 'reference');

it('src/frameworks/data is what scripts/generate-framework-data.mjs makes from ../shared (run it when this fails)', { skip: !existsSync(SHARED) && '../shared is absent' }, async () => {
  const generator = (await import(pathToFileURL(join('scripts', 'generate-framework-data.mjs')).href)) as {
    generateFrameworkData(): Record<string, unknown>;
    serialize(data: unknown): string;
  };
  const files = generator.generateFrameworkData();
  assert.deepEqual(Object.keys(files).sort(), ['cis-eks.json', 'cis.json', 'eks-cac.json', 'nsa-cisa.json', 'pss.json', 'stig-v2r2.json']);
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    const committed = readFileSync(join('src', 'frameworks', 'data', name), 'utf8');
    total += committed.length;
    assert.equal(committed, generator.serialize(data), `src/frameworks/data/${name} is stale`);
  }
  assert.ok(total < 1_000_000, `data stays compact (${total} bytes)`);
});
