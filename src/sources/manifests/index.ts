import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { asArray, isKubeObject, isRecord, type KubeObject, type SourcedObject } from '../../evidence/kube-object.js';
import { describeFsError, discoverManifestFiles, type ManifestFile } from './files.js';
import {
  DEFAULT_PARSE_LIMITS,
  DocumentError,
  parseYamlDocument,
  splitYamlDocuments,
  type ParseLimits,
} from './yaml-documents.js';

/** Something the manifest source could not turn into objects: it is reported, never dropped. */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
  /** `error` makes the scan incomplete (exit 2); `note` is informational. */
  level: 'error' | 'note';
}

export type { ManifestFile };

export type ManifestItem = { type: 'object'; item: SourcedObject } | { type: 'problem'; problem: InputProblem };

export interface ManifestSourceOptions extends Partial<ParseLimits> {
  maxFileBytes?: number;
  /** Reads standard input when `-` is among the paths. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Streams the Kubernetes objects of the given files and directories, one file at a time,
 * so memory holds one file's documents at most.
 */
export async function* readManifests(paths: string[], options: ManifestSourceOptions = {}): AsyncGenerator<ManifestItem> {
  const limits: ParseLimits = {
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_PARSE_LIMITS.maxDocumentBytes,
    maxExpandedNodes: options.maxExpandedNodes ?? DEFAULT_PARSE_LIMITS.maxExpandedNodes,
  };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, problems } = await discoverManifests(paths);
  for (const problem of problems) yield { type: 'problem', problem };
  if (paths.includes('-')) {
    const text = await readStream(options.stdin ?? process.stdin);
    yield* objectsOfText('<stdin>', text, limits);
  }
  for (const file of files) yield* readManifestFile(file, { ...options, ...limits, maxFileBytes });
}

/** The objects (and problems) of one discovered file. */
export async function* readManifestFile(file: ManifestFile, options: ManifestSourceOptions = {}): AsyncGenerator<ManifestItem> {
  const text = readFileBounded(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (typeof text !== 'string') {
    yield { type: 'problem', problem: text };
    return;
  }
  yield* objectsOfText(file.display, text, {
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_PARSE_LIMITS.maxDocumentBytes,
    maxExpandedNodes: options.maxExpandedNodes ?? DEFAULT_PARSE_LIMITS.maxExpandedNodes,
  });
}

/** The files under `paths` (`-` excluded), and what could not be listed, as readManifests yields them first. */
export async function discoverManifests(paths: string[]): Promise<{ files: ManifestFile[]; problems: InputProblem[] }> {
  const found: { path: string; message: string }[] = [];
  const files = await discoverManifestFiles(paths.filter((p) => p !== '-'), found);
  const problems = found.map((problem): InputProblem => {
    const isNote = problem.message.includes('not followed') || problem.message.includes('broken symlink');
    return { file: problem.path, message: problem.message, level: isNote ? 'note' : 'error' };
  });
  return { files, problems };
}

/**
 * Reads a whole file, refusing one over the limit. Synchronously: a scan reads its files one after
 * another anyway, and a round trip to the thread pool per call left the scan idle a tenth of its time.
 */
function readFileBounded(file: ManifestFile, maxFileBytes: number): string | InputProblem {
  let fd: number | undefined;
  try {
    fd = openSync(file.absolute, 'r');
    const info = fstatSync(fd);
    if (info.size > maxFileBytes) {
      return { file: file.display, message: `file is ${info.size} bytes, over the limit of ${maxFileBytes}; not scanned`, level: 'error' };
    }
    return readFileSync(fd, 'utf8');
  } catch (error) {
    return { file: file.display, message: `cannot read: ${describeFsError(error)}`, level: 'error' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The objects of one file's text: every document, with List kinds expanded. */
export function* objectsOfText(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Generator<ManifestItem> {
  const documents = file.toLowerCase().endsWith('.json') && text.trimStart().startsWith('{')
    ? [{ text, index: 0, firstLine: 1 }]
    : splitYamlDocuments(text.startsWith('\uFEFF') ? text.slice(1) : text);
  for (const document of documents) {
    let parsed;
    try {
      parsed = parseYamlDocument(document, limits);
    } catch (error) {
      if (error instanceof DocumentError) {
        yield { type: 'problem', problem: { file, line: error.line, message: error.message, level: 'error' } };
        continue;
      }
      throw error;
    }
    const { value, lines } = parsed;
    if (value === null || value === undefined) continue;
    // Each origin holds its own object, not the document: a List item kept for later does not keep the whole List.
    const origin = (node: unknown) => ({
      file,
      documentIndex: document.index,
      line: lines.lineOf(node, []),
      lineOf: (path: readonly (string | number)[]) => lines.lineOf(node, path),
    });
    if (!isKubeObject(value)) {
      const what = isRecord(value) ? 'has no apiVersion and kind' : 'is not a mapping';
      yield { type: 'problem', problem: { file, line: document.firstLine, message: `document ${document.index + 1} ${what}; skipped`, level: 'note' } };
      continue;
    }
    if (isListKind(value)) {
      const items = asArray(value.items);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isKubeObject(item)) {
          yield { type: 'object', item: { object: item, origin: origin(item) } };
        } else {
          yield {
            type: 'problem',
            problem: { file, line: lines.lineOf(value, ['items', i]), message: `item ${i} of ${value.kind} has no apiVersion and kind; skipped`, level: 'note' },
          };
        }
      }
      continue;
    }
    yield { type: 'object', item: { object: value as KubeObject, origin: origin(value) } };
  }
}

/** `kind: List` and every `*List` kind that `kubectl get -o yaml` prints. */
export function isListKind(object: KubeObject): boolean {
  return (object.kind === 'List' || object.kind.endsWith('List')) && Array.isArray(object.items);
}
