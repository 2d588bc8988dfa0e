import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** The acceptance corpus, read in place from ../shared/corpus (never copied into the repo). */
export const CORPUS_DIR = join('..', 'shared', 'corpus');

export interface CorpusCase {
  id: string;
  concept: string;
  cis: string | null;
  expect: 'pass' | 'fail';
  resource: string | null;
  flagged_resources: string[];
  related_resources: string[];
  input_resources: string[];
  level: 'manifest' | 'node';
  notes: string;
  files: string[];
}

export function loadCorpus(): CorpusCase[] {
  return readFileSync(join(CORPUS_DIR, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

export interface CorpusException {
  case: string;
  /** The verdict kubeharden reaches instead of the corpus's. */
  verdict: 'pass' | 'fail';
  /** The benchmark text (quoted, with its source) that justifies the different verdict. */
  justification: string;
}

export function loadExceptions(): CorpusException[] {
  const parsed = yaml.load(readFileSync(join('test', 'corpus', 'exceptions.yaml'), 'utf8')) as { exceptions?: CorpusException[] } | null;
  return parsed?.exceptions ?? [];
}

/** `Kind/namespace/name` as the corpus writes resources. */
export function corpusResourceKey(subject: { kind?: string; namespace?: string; name?: string }): string {
  return `${subject.kind ?? ''}/${subject.namespace ?? ''}/${subject.name ?? ''}`;
}
