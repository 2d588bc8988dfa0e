import yaml from 'js-yaml';
import { isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { KUBERNETES_YAML_SCHEMA } from './kubernetes-yaml-schema.js';

/** One YAML document of a multi-document stream, with the line it starts on (1-based). */
export interface YamlDocumentText {
  text: string;
  index: number;
  firstLine: number;
}

const DOCUMENT_MARKER = /^---(?:[ \t].*)?$/;
const DOCUMENT_END = /^\.\.\.[ \t]*$/;

/**
 * Splits a YAML stream on `---` lines so that one malformed document does not hide the others
 * (js-yaml's loadAll stops at the first error).
 */
export function splitYamlDocuments(text: string): YamlDocumentText[] {
  const documents: YamlDocumentText[] = [];
  const lines = text.split('\n');
  let chunk: string[] = [];
  let chunkStart = 0;
  const flush = () => {
    if (chunk.some((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))) {
      documents.push({ text: chunk.join('\n'), index: documents.length, firstLine: chunkStart + 1 });
    }
    chunk = [];
  };
  lines.forEach((line, i) => {
    if (line.startsWith('---') && DOCUMENT_MARKER.test(line)) {
      flush();
      const inline = line.slice(3).trim();
      if (inline !== '' && !inline.startsWith('#')) {
        // `--- {a: 1}` carries content on the marker line itself.
        chunkStart = i;
        chunk.push('   ' + line.slice(3));
      } else {
        chunkStart = i + 1;
      }
    } else if (line.startsWith('...') && DOCUMENT_END.test(line)) {
      flush();
      chunkStart = i + 1;
    } else {
      if (chunk.length === 0) chunkStart = i;
      chunk.push(line);
    }
  });
  flush();
  return documents;
}

/** Line numbers of every key and item of a parsed document, keyed by the parsed node. */
export class LineIndex {
  private readonly lines = new WeakMap<object, NodeLines>();

  constructor(private readonly firstLine: number) {}

  /** The innermost (first) record of a node wins: a flow collection and an alias close it again. */
  record(node: object, lines: NodeLines): void {
    if (!this.lines.has(node)) this.lines.set(node, lines);
  }

  /** 1-based line of `path` below `root`; the nearest ancestor's line where the field is absent. */
  lineOf(root: unknown, path: FieldPath): number {
    let node: unknown = root;
    let best = this.lines.get(root as object)?.start ?? 0;
    for (const key of path) {
      if (typeof node !== 'object' || node === null) break;
      const nodeLines = this.lines.get(node);
      const childLine = nodeLines?.children.get(key);
      if (childLine === undefined) break;
      best = childLine;
      node = (node as Record<string | number, unknown>)[key];
    }
    return best + this.firstLine;
  }
}

interface NodeLines {
  start: number;
  children: Map<string | number, number>;
}

export interface ParseLimits {
  /** Largest document accepted, in bytes. */
  maxDocumentBytes: number;
  /** Most nodes a document may expand to once aliases are resolved. */
  maxExpandedNodes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxDocumentBytes: 8 * 1024 * 1024,
  maxExpandedNodes: 1_000_000,
};

export class DocumentError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export interface ParsedDocument {
  value: unknown;
  lines: LineIndex;
}

/** Parses one YAML (or JSON) document, recording the line of every field as it goes. */
export function parseYamlDocument(doc: YamlDocumentText, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument {
  if (doc.text.length > limits.maxDocumentBytes) {
    throw new DocumentError(
      `document is ${doc.text.length} bytes, over the limit of ${limits.maxDocumentBytes}; split it or raise --max-document-bytes`,
      doc.firstLine,
    );
  }
  const lines = new LineIndex(doc.firstLine);
  // Each open node pushes its start line and the (line, value) of its children as they close.
  const open: { line: number; children: { line: number; value: unknown }[] }[] = [];
  const listener = (event: 'open' | 'close', state: { line: number; result: unknown }) => {
    if (event === 'open') {
      open.push({ line: state.line, children: [] });
      return;
    }
    const frame = open.pop();
    if (!frame) return;
    const value = state.result;
    if (Array.isArray(value)) {
      const children = new Map<string | number, number>();
      frame.children.forEach((child, i) => children.set(i, child.line));
      lines.record(value, { start: frame.line, children });
    } else if (isRecord(value)) {
      const children = new Map<string | number, number>();
      for (let i = 0; i + 1 < frame.children.length; i += 2) {
        const key = frame.children[i]!.value;
        if (typeof key === 'string' || typeof key === 'number') children.set(String(key), frame.children[i]!.line);
      }
      lines.record(value, { start: frame.line, children });
    }
    open.at(-1)?.children.push({ line: frame.line, value });
  };
  let value: unknown;
  try {
    value = yaml.load(doc.text, { listener, schema: KUBERNETES_YAML_SCHEMA } as yaml.LoadOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = (error.mark?.line ?? 0) + doc.firstLine;
      throw new DocumentError(`invalid YAML: ${error.reason}`, line);
    }
    throw error;
  }
  if (doc.text.includes('*')) assertBoundedExpansion(value, limits.maxExpandedNodes, doc.firstLine);
  return { value, lines };
}

/** Refuses "billion laughs" documents whose aliases expand beyond what anyone writes by hand. */
function assertBoundedExpansion(root: unknown, maxNodes: number, line: number): void {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    count += 1;
    if (count > maxNodes) {
      throw new DocumentError(
        `document expands to more than ${maxNodes} nodes through YAML aliases (an alias bomb?); refused`,
        line,
      );
    }
    if (Array.isArray(node)) stack.push(...node);
    else if (isRecord(node)) for (const key in node) stack.push(node[key]);
  }
}
