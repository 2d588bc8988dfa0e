import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { isKubeObject, isRecord, type KubeObject } from '../../evidence/kube-object.js';
import { describeFsError } from '../manifests/files.js';
import { objectsOfText, type InputProblem } from '../manifests/index.js';
import type { ClusterItem, CollectionError, ServerVersion } from './collect.js';
import { metadataOnlySecret, withoutManagedFields } from './secret-metadata.js';

/**
 * A snapshot is a `kind: List` of every object collected (so `kubeharden scan` and kubectl read it
 * too). A `kubeharden` member before the items says where and when it was collected and the server
 * version; `collectionErrors` after them says what could not be read. Secrets are metadata only.
 * Each item is on a line of its own, so a snapshot of 50 000 pods is read back one line at a time.
 */
export interface SnapshotInfo {
  snapshotVersion: 1;
  collectedAt: string;
  context: string;
  server: string;
  /** The namespace of a -n collection; absent for all namespaces. */
  namespace?: string;
  serverVersion?: ServerVersion;
  errors: CollectionError[];
}

export type SnapshotHeader = Pick<SnapshotInfo, 'context' | 'server' | 'namespace'>;

const HEAD_PREFIX = '{"apiVersion":"v1","kind":"List","metadata":{},"kubeharden":';
const HEAD_SUFFIX = ',"items":[';

/** Streams collected items into FILE, so memory holds one page of pods at a time. */
export async function writeSnapshot(file: string, header: SnapshotHeader, items: AsyncIterable<ClusterItem>): Promise<SnapshotInfo> {
  const info: SnapshotInfo = { snapshotVersion: 1, collectedAt: new Date().toISOString(), ...header, errors: [] };
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let headWritten = false;
  let first = true;
  for await (const item of items) {
    // The collector yields the server version first, so it can go in the head.
    if (item.type === 'version') info.serverVersion = item.version;
    if (!headWritten) {
      await write(`${HEAD_PREFIX}${JSON.stringify({ ...info, errors: undefined })}${HEAD_SUFFIX}`);
      headWritten = true;
    }
    if (item.type === 'object') {
      await write(`${first ? '' : ','}\n${JSON.stringify(item.item.object)}`);
      first = false;
    } else if (item.type === 'error') {
      info.errors.push(item.error);
    }
  }
  if (!headWritten) await write(`${HEAD_PREFIX}${JSON.stringify({ ...info, errors: undefined })}${HEAD_SUFFIX}`);
  await write(`\n],\n"collectionErrors":${JSON.stringify(info.errors, null, 1)}}\n`);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return info;
}

export interface OpenedSnapshot {
  /** Absent for a plain `kubectl get -o yaml|json` dump. `errors` is complete once `items` is consumed. */
  info?: SnapshotInfo;
  items: AsyncIterable<ClusterItem> | Iterable<ClusterItem>;
  /** What in a dump could not be read; reported like `scan` reports input problems. */
  problems: InputProblem[];
}

/**
 * Opens a kubeharden snapshot, or a `kubectl get … -A -o yaml|json` dump (List or multi-document).
 * Snapshot objects are the cluster's and carry no file position, so their results equal the live
 * scan's; a dump's objects keep their file and line like any manifest. A snapshot as written is
 * streamed line by line; anything else is read whole.
 */
export async function openSnapshot(file: string): Promise<OpenedSnapshot> {
  let firstLine: string | undefined;
  try {
    firstLine = await readFirstLine(file);
  } catch (error) {
    return { items: [], problems: [{ file, message: `cannot read: ${describeFsError(error)}`, level: 'error' }] };
  }
  const head = firstLine !== undefined && firstLine.startsWith(HEAD_PREFIX) && firstLine.endsWith(HEAD_SUFFIX)
    ? parseInfo(firstLine.slice(HEAD_PREFIX.length, -HEAD_SUFFIX.length))
    : undefined;
  if (head) return { info: head, items: streamSnapshot(file, head), problems: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { items: [], problems: [{ file, message: `cannot read: ${describeFsError(error)}`, level: 'error' }] };
  }
  const whole = parseWholeSnapshot(text);
  if (whole) {
    const items: ClusterItem[] = [];
    if (whole.info.serverVersion) items.push({ type: 'version', version: whole.info.serverVersion });
    for (const object of whole.objects) items.push({ type: 'object', item: { object: clean(object) } });
    for (const error of whole.info.errors) items.push({ type: 'error', error });
    return { info: whole.info, items, problems: [] };
  }
  const items: ClusterItem[] = [];
  const problems: InputProblem[] = [];
  for (const entry of objectsOfText(file, text)) {
    if (entry.type === 'problem') problems.push(entry.problem);
    else items.push({ type: 'object', item: { ...entry.item, object: clean(entry.item.object) } });
  }
  return { items, problems };
}

async function readFirstLine(file: string): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', end: 1 << 20 }), crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    lines.close();
  }
}

async function* streamSnapshot(file: string, info: SnapshotInfo): AsyncGenerator<ClusterItem> {
  if (info.serverVersion) yield { type: 'version', version: info.serverVersion };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  let tail: string[] | undefined;
  for await (const line of lines) {
    lineNumber++;
    if (lineNumber === 1) continue;
    if (tail) {
      tail.push(line);
    } else if (line.startsWith(']')) {
      tail = [line.slice(1)];
    } else {
      const object = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as unknown;
      if (isKubeObject(object)) yield { type: 'object', item: { object: clean(object) } };
    }
  }
  // `],"collectionErrors":[…]}` — what follows the items.
  const trailer = JSON.parse(`{${(tail ?? []).join('\n').replace(/^\s*,/, '')}`) as { collectionErrors?: CollectionError[] };
  info.errors = Array.isArray(trailer.collectionErrors) ? trailer.collectionErrors : [];
  for (const error of info.errors) yield { type: 'error', error };
}

function parseInfo(json: string): SnapshotInfo | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    if (!isRecord(value) || value.snapshotVersion !== 1) return undefined;
    return { ...(value as unknown as SnapshotInfo), errors: [] };
  } catch {
    return undefined;
  }
}

/** A snapshot reformatted (e.g. by jq) is still read, whole. */
function parseWholeSnapshot(text: string): { info: SnapshotInfo; objects: KubeObject[] } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isRecord(value.kubeharden) || value.kubeharden.snapshotVersion !== 1 || !Array.isArray(value.items)) return undefined;
  const info = { ...(value.kubeharden as unknown as SnapshotInfo), errors: Array.isArray(value.collectionErrors) ? value.collectionErrors as CollectionError[] : [] };
  return { info, objects: value.items.filter(isKubeObject) };
}

function clean(object: KubeObject): KubeObject {
  const lean = withoutManagedFields(object);
  return lean.kind === 'Secret' && (lean.apiVersion === 'v1' || lean.apiVersion === 'meta.k8s.io/v1') ? metadataOnlySecret(lean) : lean;
}
