import { asArray, isRecord, type KubeObject, type SourcedObject } from '../../evidence/kube-object.js';
import { ApiRequestError, type KubeApiClient } from './api-client.js';
import {
  CLUSTER_RESOURCES,
  describeScope,
  KUBELET_CONFIGURATION,
  listPath,
  POD_RESOURCE,
  type ResourceType,
} from './resources.js';
import { metadataOnlySecret, withoutManagedFields } from './secret-metadata.js';

/** What could not be read, named so the user knows which permission or endpoint to fix. */
export interface CollectionError {
  verb: 'get' | 'list';
  /** The kind whose evidence is missing, e.g. Secret, KubeletConfiguration. */
  kind: string;
  /** The resource as RBAC names it: `secrets`, `nodes/proxy`. */
  resource: string;
  /** Set when only one namespace was read. */
  namespace?: string;
  /** HTTP status, absent for timeouts and network errors. */
  status?: number;
  /** e.g. "cannot list secrets in all namespaces: 403 Forbidden". */
  message: string;
}

/** `gitVersion` selects the CIS version with `--benchmark auto`. */
export interface ServerVersion {
  gitVersion: string;
  major?: string;
  minor?: string;
  platform?: string;
}

export type ClusterItem =
  | { type: 'version'; version: ServerVersion }
  | { type: 'object'; item: SourcedObject }
  | { type: 'error'; error: CollectionError };

export interface CollectOptions {
  /** -n: namespaced resources of this namespace only; node-level evidence is then not read. */
  namespace?: string;
  /** Objects per list request (limit/continue). */
  pageSize?: number;
  /** Told of every page read, for a progress line. */
  onProgress?: (progress: { resource: string; objects: number }) => void;
}

export const DEFAULT_PAGE_SIZE = 500;

/** The API server did not answer at all (connection refused, TLS failure, timeout on /version). */
export class ClusterUnreachableError extends Error {}

const PARTIAL_METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

/**
 * Reads the cluster, yielding every object as a SourcedObject (no origin: it lives in the
 * cluster, not in a file), then what could not be read. Order is fixed (CLUSTER_RESOURCES, then
 * kubelet configurations) so results are deterministic; lists other than Pods run concurrently
 * and are held until their turn, Pods stream page by page.
 */
export async function* collectCluster(client: KubeApiClient, options: CollectOptions = {}): AsyncGenerator<ClusterItem> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const { namespace } = options;
  const errors: CollectionError[] = [];
  const version = await readVersion(client, errors);
  const unreachable = errors.find((e) => e.kind === 'ServerVersion' && e.status === undefined);
  // Nothing else can be read either: say so once instead of once per resource.
  if (unreachable) throw new ClusterUnreachableError(`cannot reach the API server ${client.server}: ${unreachable.message.replace(/^cannot get \/version: /, '')}`);
  if (version) yield { type: 'version', version };

  const resources = CLUSTER_RESOURCES.filter((r) => namespace === undefined || !r.nodeLevel);
  const held = new Map<ResourceType, Promise<KubeObject[]>>();
  for (const resource of resources) {
    if (resource === POD_RESOURCE) continue;
    const objects = resource.kind === 'Namespace' && namespace !== undefined
      ? readOne(client, resource, namespace, errors)
      : readAll(client, resource, namespace, pageSize, errors, options.onProgress);
    objects.catch(() => undefined); // awaited in turn below; this only keeps an early failure from being "unhandled"
    held.set(resource, objects);
  }
  let nodeNames: string[] = [];
  for (const resource of resources) {
    const objects = held.get(resource);
    if (objects) {
      const list = await objects;
      if (resource.kind === 'Node') nodeNames = list.map((n) => n.metadata?.name).filter((n): n is string => typeof n === 'string');
      for (const object of list) yield { type: 'object', item: { object } };
      continue;
    }
    // Pods: the kubelet configurations are fetched while the pods stream.
    const kubeletConfigs = namespace === undefined ? readKubeletConfigs(client, nodeNames, errors) : Promise.resolve([]);
    for await (const page of listPages(client, resource, namespace, pageSize, errors, options.onProgress)) {
      for (const object of page) yield { type: 'object', item: { object } };
    }
    for (const object of await kubeletConfigs) yield { type: 'object', item: { object } };
  }
  // Lists run concurrently, so errors arrive in any order; report them in resource order.
  const rank = (e: CollectionError) => ['ServerVersion', ...CLUSTER_RESOURCES.map((r) => r.kind), KUBELET_CONFIGURATION.kind].indexOf(e.kind);
  errors.sort((a, b) => rank(a) - rank(b) || a.message.localeCompare(b.message));
  for (const error of errors) yield { type: 'error', error };
}

async function readVersion(client: KubeApiClient, errors: CollectionError[]): Promise<ServerVersion | undefined> {
  try {
    const body = await client.getJson('/version');
    if (isRecord(body) && typeof body.gitVersion === 'string') {
      const version: ServerVersion = { gitVersion: body.gitVersion };
      for (const key of ['major', 'minor', 'platform'] as const) if (typeof body[key] === 'string') version[key] = body[key];
      return version;
    }
    errors.push({ verb: 'get', kind: 'ServerVersion', resource: '/version', status: 200, message: 'cannot get /version: the reply has no gitVersion' });
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    errors.push({ verb: 'get', kind: 'ServerVersion', resource: '/version', status: error.status, message: `cannot get /version: ${error.message}` });
  }
  return undefined;
}

async function readAll(
  client: KubeApiClient,
  resource: ResourceType,
  namespace: string | undefined,
  pageSize: number,
  errors: CollectionError[],
  onProgress: CollectOptions['onProgress'],
): Promise<KubeObject[]> {
  const all: KubeObject[] = [];
  for await (const page of listPages(client, resource, namespace, pageSize, errors, onProgress)) all.push(...page);
  return all;
}

/** -n: the one Namespace object, by GET (its labels carry the Pod Security Admission levels). */
async function readOne(client: KubeApiClient, resource: ResourceType, name: string, errors: CollectionError[]): Promise<KubeObject[]> {
  try {
    const body = await client.getJson(`${listPath(resource)}/${encodeURIComponent(name)}`);
    if (isRecord(body)) return [normalize(resource, body)];
    errors.push({ verb: 'get', kind: resource.kind, resource: resource.plural, message: `cannot get namespace ${name}: the reply is not an object` });
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    const entry: CollectionError = { verb: 'get', kind: resource.kind, resource: resource.plural, message: `cannot get namespace ${name}: ${error.message}` };
    if (error.status !== undefined) entry.status = error.status;
    errors.push(entry);
  }
  return [];
}

/**
 * The pages of one list, following `continue`. A failure ends the list with an error entry; the
 * pages already read are kept (they were seen), and the error makes the scan incomplete.
 */
export async function* listPages(
  client: KubeApiClient,
  resource: ResourceType,
  namespace: string | undefined,
  pageSize: number,
  errors: CollectionError[],
  onProgress?: CollectOptions['onProgress'],
): AsyncGenerator<KubeObject[]> {
  const path = listPath(resource, namespace);
  const accept = resource.metadataOnly ? PARTIAL_METADATA_LIST : 'application/json';
  let continueToken: string | undefined;
  let count = 0;
  let expired = 0;
  do {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (continueToken) query.set('continue', continueToken);
    let body: unknown;
    try {
      body = await client.getJson(`${path}?${query}`, accept);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      // 410 Gone: the continue token expired during a long list. The server offers a token to go on
      // from (an inconsistent but complete continuation), as client-go's pager uses.
      const offered = error.status === 410 && isRecord(error.body) && isRecord(error.body.metadata) ? error.body.metadata.continue : undefined;
      if (typeof offered === 'string' && offered !== '' && expired < 3) {
        expired++;
        continueToken = offered;
        continue;
      }
      errors.push(listError(resource, namespace, error));
      return;
    }
    if (!isRecord(body) || !Array.isArray(body.items)) {
      errors.push({ ...listError(resource, namespace), message: `cannot list ${describeScope(resource, namespace)}: the reply is not a list` });
      return;
    }
    const page = asArray(body.items).filter(isRecord).map((item) => normalize(resource, item));
    count += page.length;
    onProgress?.({ resource: resource.plural, objects: count });
    yield page;
    const next = isRecord(body.metadata) ? body.metadata.continue : undefined;
    continueToken = typeof next === 'string' && next !== '' ? next : undefined;
  } while (continueToken);
}

function listError(resource: ResourceType, namespace: string | undefined, error?: ApiRequestError): CollectionError {
  const entry: CollectionError = {
    verb: 'list',
    kind: resource.kind,
    resource: resource.plural,
    message: `cannot list ${describeScope(resource, namespace)}: ${error?.message ?? 'no reply'}`,
  };
  if (resource.namespaced && namespace !== undefined) entry.namespace = namespace;
  if (error?.status !== undefined) entry.status = error.status;
  return entry;
}

/** List items carry no apiVersion and kind; Secrets arrive as PartialObjectMetadata. */
function normalize(resource: ResourceType, item: Record<string, unknown>): KubeObject {
  // apiVersion and kind first, as kubectl prints them; the resource's own values win.
  const object = withoutManagedFields({ apiVersion: resource.apiVersion, kind: resource.kind, ...item } as KubeObject);
  object.apiVersion = resource.apiVersion;
  object.kind = resource.kind;
  return resource.kind === 'Secret' ? metadataOnlySecret(object) : object;
}

/**
 * The kubelet configuration of each node through the API server's node proxy (GET
 * nodes/NAME/proxy/configz, RBAC resource nodes/proxy). Failures are grouped by reason so a
 * 500-node cluster without the permission gives one error, not 500.
 */
async function readKubeletConfigs(client: KubeApiClient, nodeNames: string[], errors: CollectionError[]): Promise<KubeObject[]> {
  const failed = new Map<string, { status?: number; nodes: string[] }>();
  const configs = await Promise.all(
    nodeNames.map(async (node): Promise<KubeObject | undefined> => {
      try {
        const body = await client.getJson(`/api/v1/nodes/${encodeURIComponent(node)}/proxy/configz`);
        const config = isRecord(body) ? body.kubeletconfig : undefined;
        if (!isRecord(config)) throw new ApiRequestError('the reply has no kubeletconfig');
        return {
          apiVersion: KUBELET_CONFIGURATION.apiVersion,
          kind: KUBELET_CONFIGURATION.kind,
          ...config,
          metadata: { name: node, annotations: { 'kubeharden.io/source': `nodes/${node}/proxy/configz` } },
        };
      } catch (error) {
        if (!(error instanceof ApiRequestError)) throw error;
        const group = failed.get(error.message) ?? { status: error.status, nodes: [] };
        group.nodes.push(node);
        failed.set(error.message, group);
        return undefined;
      }
    }),
  );
  for (const [reason, { status, nodes }] of failed) {
    const sorted = nodes.sort();
    const which = sorted.length === 1 ? `node ${sorted[0]}` : `${sorted.length} nodes (${sorted.slice(0, 3).join(', ')}${sorted.length > 3 ? ', …' : ''})`;
    const entry: CollectionError = {
      verb: 'get',
      kind: KUBELET_CONFIGURATION.kind,
      resource: 'nodes/proxy',
      message: `cannot get the kubelet configuration (nodes/proxy configz) of ${which}: ${reason}`,
    };
    if (status !== undefined) entry.status = status;
    errors.push(entry);
  }
  return configs.filter((c): c is KubeObject => c !== undefined);
}
