import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { isRecord, type KubeObject } from '../../evidence/kube-object.js';
import { describeFsError } from '../manifests/files.js';
import { objectsOfText, type InputProblem } from '../manifests/index.js';
import type { ClusterItem, CollectionError, ServerVersion } from './collect.js';
import { metadataOnlySecret, withoutManagedFields } from './secret-metadata.js';

/**
 * A snapshot is a `kind: List` of every object collected (so `kubeharden scan` and kubectl read it
 * too), with a `kubeharden` member after the items: where and when it was collected, the server
 * version and what could not be read. Secrets are metadata only.
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

/** Streams collected items into FILE, so memory holds one page of pods at a time. */
export async function writeSnapshot(file: string, header: SnapshotHeader, items: AsyncIterable<ClusterItem>): Promise<SnapshotInfo> {
  const info: SnapshotInfo = { snapshotVersion: 1, collectedAt: new Date().toISOString(), ...header, errors: [] };
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write('{"apiVersion":"v1","kind":"List","metadata":{},"items":[');
  let first = true;
  for await (const item of items) {
    if (item.type === 'object') {
      await write(`${first ? '' : ','}\n${JSON.stringify(item.item.object)}`);
      first = false;
    } else if (item.type === 'version') {
      info.serverVersion = item.version;
    } else {
      info.errors.push(item.error);
    }
  }
  await write(`\n],\n"kubeharden":${JSON.stringify(info, null, 1)}}\n`);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return info;
}

export interface LoadedSnapshot {
  /** Absent for a plain `kubectl get -o yaml|json` dump. */
  info?: SnapshotInfo;
  items: ClusterItem[];
  /** What in a dump could not be read; reported like `scan` reports input problems. */
  problems: InputProblem[];
}

/**
 * Reads a kubeharden snapshot, or a `kubectl get … -A -o yaml|json` dump (List or multi-document).
 * Snapshot objects are the cluster's and carry no file position, so their results equal the live
 * scan's; a dump's objects keep their file and line like any manifest.
 */
export async function loadSnapshot(file: string): Promise<LoadedSnapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { items: [], problems: [{ file, message: `cannot read: ${describeFsError(error)}`, level: 'error' }] };
  }
  const snapshot = parseKubehardenSnapshot(text);
  if (snapshot) {
    const { info, objects } = snapshot;
    const items: ClusterItem[] = [];
    if (info.serverVersion) items.push({ type: 'version', version: info.serverVersion });
    for (const object of objects) items.push({ type: 'object', item: { object: clean(object) } });
    for (const error of info.errors) items.push({ type: 'error', error });
    return { info, items, problems: [] };
  }
  const items: ClusterItem[] = [];
  const problems: InputProblem[] = [];
  for (const entry of objectsOfText(file, text)) {
    if (entry.type === 'problem') problems.push(entry.problem);
    else items.push({ type: 'object', item: { ...entry.item, object: clean(entry.item.object) } });
  }
  return { items, problems };
}

function parseKubehardenSnapshot(text: string): { info: SnapshotInfo; objects: KubeObject[] } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isRecord(value.kubeharden) || value.kubeharden.snapshotVersion !== 1 || !Array.isArray(value.items)) return undefined;
  const info = value.kubeharden as unknown as SnapshotInfo;
  if (!Array.isArray(info.errors)) info.errors = [];
  return { info, objects: value.items.filter((item): item is KubeObject => isRecord(item) && typeof item.kind === 'string') };
}

function clean(object: KubeObject): KubeObject {
  const lean = withoutManagedFields(object);
  return lean.kind === 'Secret' && (lean.apiVersion === 'v1' || lean.apiVersion === 'meta.k8s.io/v1') ? metadataOnlySecret(lean) : lean;
}
