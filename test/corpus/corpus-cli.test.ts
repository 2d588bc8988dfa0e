import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import type { ResultsDocument } from '../../src/engine/result.js';
import { scanManifests } from '../../src/engine/scan-manifests.js';
import { CORPUS_DIR, loadCorpus } from './corpus.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

function runCli(files: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'scan', ...files, '--format', 'json', '--no-exemptions'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/*
 * corpus.test.ts judges every case through scanManifests, the function `kubeharden scan` calls; this
 * runs the built CLI itself on every manifest case and requires the very same results, so each
 * verdict there is the CLI's verdict too.
 */
it('the built CLI gives, on every manifest case of the corpus, exactly the results the verdicts were judged on', async () => {
  // A few cases have no input file at all (nothing to run the CLI on; their verdict is judged in corpus.test.ts).
  const cases = loadCorpus().filter((c) => c.level === 'manifest' && c.files.length > 0);
  assert.ok(cases.length > 300);
  let next = 0;
  const mismatches: string[] = [];
  const worker = async () => {
    while (next < cases.length) {
      const testCase = cases[next++]!;
      const files = testCase.files.map((f) => join(CORPUS_DIR, f));
      const [cli, inProcess] = await Promise.all([runCli(files), scanManifests(files, { controls: CATALOG })]);
      let document: ResultsDocument;
      try {
        document = JSON.parse(cli.stdout) as ResultsDocument;
      } catch {
        mismatches.push(`${testCase.id}: no JSON document (exit ${cli.code}): ${cli.stderr.slice(0, 300)}`);
        continue;
      }
      const expectedCode = inProcess.some((r) => r.status === 'error') ? 2 : inProcess.some((r) => r.status === 'fail') ? 1 : 0;
      if (cli.code !== expectedCode) mismatches.push(`${testCase.id}: exit ${cli.code}, expected ${expectedCode}: ${cli.stderr}`);
      try {
        assert.deepEqual(document.results, JSON.parse(JSON.stringify(inProcess)));
      } catch {
        mismatches.push(`${testCase.id}: the CLI's results differ from scanManifests'`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  assert.deepEqual(mismatches, []);
});
