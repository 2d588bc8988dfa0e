import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { EksControl } from '../../../src/controls/control.js';
import type { Result } from '../../../src/engine/result.js';
import { scanEks } from '../../../src/engine/scan-eks.js';
import { collectEksFromDir } from '../../../src/sources/eks/from-dir.js';
import { subjectLabel } from '../../../src/report/subject-label.js';

/** Parsed AWS CLI output that a case edits freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CliJson = Record<string, any>;

export const HARDENED = 'test/fixtures/eks/hardened';
export const FAILING = 'test/fixtures/eks/failing';

export interface EksCase {
  name: string;
  /** The dump the case starts from. */
  dir?: string;
  /** Files to write over the dump (AWS CLI JSON as objects, YAML as strings); null deletes a file. */
  files?: Record<string, unknown>;
  approvedRegistries?: string[];
  /** The kinds a complete Kubernetes API scan read (`eks --with-cluster`): absence among them is absence. */
  kubernetesKinds?: string[];
  expect: { status: Result['status']; subject: string; message?: RegExp }[];
}

/** Runs one EKS control over a dump of AWS CLI outputs, through the real directory source. */
export async function evaluateDump(control: EksControl, testCase: Omit<EksCase, 'name' | 'expect'>): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeharden-eks-'));
  try {
    cpSync(testCase.dir ?? HARDENED, dir, { recursive: true });
    for (const [file, content] of Object.entries(testCase.files ?? {})) {
      if (content === null) rmSync(join(dir, file));
      else writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 4));
    }
    const { evidence } = await collectEksFromDir(dir);
    if (testCase.approvedRegistries) evidence.approvedRegistries = testCase.approvedRegistries;
    if (testCase.kubernetesKinds) evidence.kubernetesKinds = testCase.kubernetesKinds;
    return scanEks([control], evidence).filter((r) => r.control === control.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table test of an EKS control: each case lists every result, in order, with exact status and subject. */
export function testEksControl(control: EksControl, cases: EksCase[], options: { verdicts?: Result['status'][] } = {}): void {
  describe(control.id, () => {
    // A rule only a person can decide (Fargate for untrusted workloads) has only questions; the rest pass and fail.
    const verdicts = options.verdicts ?? ['pass', 'fail'];
    it(`has cases for ${verdicts.join(' and ')}, and carries its eks-cac ref`, () => {
      const statuses = new Set(cases.flatMap((c) => c.expect.map((e) => e.status)));
      for (const status of verdicts) assert.ok(statuses.has(status), `no case expects ${status}`);
      if (!verdicts.includes('pass')) assert.ok(!statuses.has('pass'), 'a question-only control passed');
      assert.ok(control.refs.some((r) => r.framework === 'eks-cac'));
    });
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const results = await evaluateDump(control, testCase);
        assert.deepEqual(
          results.map((r) => ({ status: r.status, subject: subjectLabel(r.subject) })),
          testCase.expect.map((e) => ({ status: e.status, subject: e.subject })),
          results.map((r) => r.message).join('\n'),
        );
        testCase.expect.forEach((e, i) => {
          if (e.message) assert.match(results[i]!.message, e.message);
        });
      });
    }
  });
}

/** A fixture file of the hardened dump, parsed, to be changed by a case. */
export function hardened(file: string): CliJson {
  return JSON.parse(readFileSync(join(HARDENED, file), 'utf8')) as CliJson;
}

/** The hardened describe-cluster output with `change` applied to its `cluster`. */
export function clusterWith(change: (cluster: CliJson) => void): Record<string, unknown> {
  const output = hardened('describe-cluster.json');
  change(output.cluster);
  return output;
}
