/**
 * A Kubernetes API server for tests: real HTTPS on 127.0.0.1 with a CA made for the test, bearer
 * token authentication, the list/get API for built-in kinds (limit/continue pagination,
 * PartialObjectMetadata for metadata-only lists), an authorizer hook that answers 403, and faults
 * (slow replies, 5xx, 429 with Retry-After). Objects live in memory, so 50 000 pods are cheap.
 *
 *   const server = await startFakeApiServer({ objects });
 *   const kubeconfig = server.writeKubeconfig(dir);
 *   …
 *   assert.deepEqual(server.violations, []);
 *   await server.close();
 *
 * It fails closed for the scanner's promises: any request that is not a GET, and any request for
 * secrets that does not ask for metadata only, is answered with an error and recorded in
 * `violations`, which every test should assert empty.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { testPki } from './test-pki.js';

export interface FakeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/** Where the API serves a kind. Independent of the scanner's own table, so a wrong path there fails here. */
export interface FakeResource {
  kind: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

const r = (kind: string, groupVersion: string, plural: string, namespaced: boolean): FakeResource => {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') as [string, string] : ['', groupVersion];
  return { kind, group, version, plural, namespaced };
};

export const FAKE_RESOURCES: readonly FakeResource[] = [
  r('Namespace', 'v1', 'namespaces', false),
  r('Node', 'v1', 'nodes', false),
  r('Pod', 'v1', 'pods', true),
  r('PodTemplate', 'v1', 'podtemplates', true),
  r('ReplicationController', 'v1', 'replicationcontrollers', true),
  r('ServiceAccount', 'v1', 'serviceaccounts', true),
  r('Secret', 'v1', 'secrets', true),
  r('ConfigMap', 'v1', 'configmaps', true),
  r('Service', 'v1', 'services', true),
  r('Deployment', 'apps/v1', 'deployments', true),
  r('ReplicaSet', 'apps/v1', 'replicasets', true),
  r('StatefulSet', 'apps/v1', 'statefulsets', true),
  r('DaemonSet', 'apps/v1', 'daemonsets', true),
  r('Job', 'batch/v1', 'jobs', true),
  r('CronJob', 'batch/v1', 'cronjobs', true),
  r('Role', 'rbac.authorization.k8s.io/v1', 'roles', true),
  r('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', true),
  r('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', false),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', false),
  r('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies', true),
  r('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', false),
  r('MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', false),
];

/** What a request asks for, as the Kubernetes authorizer sees it (SubjectAccessReview attributes). */
export interface RequestAttributes {
  verb: string;
  path: string;
  /** Set for resource requests. */
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Set for non-resource requests such as /version. */
  nonResourceURL?: string;
}

export interface Fault {
  /** Which requests it hits (`query` holds limit, continue, …). */
  match: (attributes: RequestAttributes, query: URLSearchParams) => boolean;
  /** How many matching requests it hits; every one when absent. */
  times?: number;
  /** Answer with this status (and a Status body) instead of the real reply. */
  status?: number;
  retryAfter?: string;
  /** The reply body with `status` (a Status object by default). */
  body?: unknown;
  /** Wait this long before replying (beyond the client's timeout, to test it). */
  delayMs?: number;
}

export interface FakeApiServerOptions {
  objects?: Iterable<FakeObject>;
  /** The bearer token clients must send; random when absent. */
  token?: string;
  /** Returns false to answer 403 Forbidden. Everything is allowed when absent. */
  authorize?: (attributes: RequestAttributes) => boolean;
  faults?: Fault[];
  /** The /version reply. */
  version?: Record<string, string>;
  /** Node name → the kubelet's configuration served at nodes/NAME/proxy/configz. */
  kubeletConfigs?: Record<string, Record<string, unknown>>;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string;
  status: number;
}

export interface FakeApiServer {
  url: string;
  token: string;
  caCert: string;
  /** Every request answered, in arrival order. */
  requests: RequestLogEntry[];
  /** The most requests that were in progress at once. */
  maxInFlight: number;
  /** Broken promises of the client (writes, secret data requested, wrong token); assert empty. */
  violations: string[];
  /** A kubeconfig (token + certificate-authority-data) for this server. */
  kubeconfig(options?: { context?: string; token?: string }): string;
  /** Writes kubeconfig() to DIR/kubeconfig and returns the path. */
  writeKubeconfig(dir: string, options?: { context?: string; token?: string }): string;
  /** Adds or replaces objects while running. */
  add(...objects: FakeObject[]): void;
  close(): Promise<void>;
}

const PARTIAL_METADATA_LIST = 'as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const PARTIAL_METADATA = 'as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const pki = testPki();
  const token = options.token ?? randomBytes(16).toString('hex');
  const store = new Map<FakeResource, FakeObject[]>(FAKE_RESOURCES.map((resource) => [resource, []]));
  const byKind = new Map(FAKE_RESOURCES.map((resource) => [`${resource.group === '' ? '' : `${resource.group}/`}${resource.version}/${resource.kind}`, resource]));
  const add = (...objects: FakeObject[]) => {
    for (const object of objects) {
      const resource = byKind.get(`${object.apiVersion}/${object.kind}`);
      if (!resource) throw new Error(`fake API server: no resource for ${object.apiVersion} ${object.kind}`);
      const list = store.get(resource)!;
      const index = list.findIndex((o) => o.metadata?.name === object.metadata?.name && o.metadata?.namespace === object.metadata?.namespace);
      if (index >= 0) list[index] = object;
      else list.push(object);
    }
  };
  add(...(options.objects ?? []));
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, left: fault.times ?? Infinity }));
  const requests: RequestLogEntry[] = [];
  const violations: string[] = [];
  // Slow replies end early when the server closes, so a test never waits them out.
  const wakers = new Set<() => void>();
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      wakers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    wakers.add(wake);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const accept = req.headers.accept ?? '';
    const log = (status: number) => requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), accept, status });
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log(status);
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const status = (code: number, reason: string, message: string, headers?: Record<string, string>) =>
      reply(code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }, headers);

    if (req.method !== 'GET') {
      violations.push(`${req.method} ${url.pathname}: the scanner must only read`);
      return status(405, 'MethodNotAllowed', `${req.method} is not allowed here`);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      if (req.headers.authorization) violations.push(`${url.pathname}: wrong bearer token`);
      return status(401, 'Unauthorized', 'Unauthorized');
    }
    const attributes = requestAttributes(url.pathname);
    if (attributes.resource === 'secrets') {
      const metadataOnly = attributes.name === undefined ? accept.includes(PARTIAL_METADATA_LIST) : accept.includes(PARTIAL_METADATA);
      if (!metadataOnly) {
        violations.push(`${url.pathname}: secrets requested without Accept: application/json;${attributes.name === undefined ? PARTIAL_METADATA_LIST : PARTIAL_METADATA} (got "${accept}")`);
        return status(406, 'NotAcceptable', 'this test server only serves secret metadata');
      }
    }
    for (const fault of faults) {
      if (fault.left <= 0 || !fault.match(attributes, url.searchParams)) continue;
      fault.left--;
      if (fault.delayMs !== undefined) await sleep(fault.delayMs);
      if (res.destroyed) return log(0);
      if (fault.status !== undefined && fault.body !== undefined) return reply(fault.status, fault.body);
      if (fault.status !== undefined) {
        return status(fault.status, fault.status === 429 ? 'TooManyRequests' : 'InternalError', `injected fault ${fault.status}`,
          fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter });
      }
    }
    if (options.authorize && !options.authorize(attributes)) {
      const what = attributes.resource
        ? `${attributes.resource}${attributes.subresource ? `/${attributes.subresource}` : ''} is forbidden: cannot ${attributes.verb} resource "${attributes.resource}"`
        : `forbidden: cannot ${attributes.verb} path "${attributes.path}"`;
      return status(403, 'Forbidden', what);
    }
    if (attributes.nonResourceURL === '/version') {
      return reply(200, options.version ?? { major: '1', minor: '30', gitVersion: 'v1.30.4', platform: 'linux/amd64' });
    }
    const resource = FAKE_RESOURCES.find((known) => known.plural === attributes.resource && known.group === (attributes.apiGroup ?? ''));
    if (!resource || (attributes.namespace !== undefined && !resource.namespaced)) return status(404, 'NotFound', 'the server could not find the requested resource');
    if (attributes.subresource === 'proxy' && resource.kind === 'Node') {
      const config = options.kubeletConfigs?.[attributes.name ?? ''];
      if (!config || url.pathname !== `/api/v1/nodes/${attributes.name}/proxy/configz`) return status(404, 'NotFound', 'not found');
      return reply(200, { kubeletconfig: config });
    }
    if (attributes.subresource !== undefined) return status(404, 'NotFound', 'no such subresource');
    const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
    const metadataOnly = accept.includes('as=PartialObjectMetadata');
    const shape = (object: FakeObject, inList: boolean) => {
      if (metadataOnly) return { apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: object.metadata };
      if (!inList) return object;
      // Like the real server, list items carry no apiVersion and kind.
      const { apiVersion: _a, kind: _k, ...rest } = object;
      return rest;
    };
    const objects = store.get(resource)!.filter((o) => attributes.namespace === undefined || o.metadata?.namespace === attributes.namespace);
    if (attributes.verb === 'get') {
      const found = objects.find((o) => o.metadata?.name === attributes.name);
      if (!found) return status(404, 'NotFound', `${resource.plural} "${attributes.name}" not found`);
      return reply(200, shape(found, false));
    }
    const limit = Number(url.searchParams.get('limit') ?? '0');
    let offset = 0;
    const continueToken = url.searchParams.get('continue');
    if (continueToken) {
      const decoded = decodeContinue(continueToken);
      if (!decoded || decoded.path !== url.pathname) return status(400, 'BadRequest', 'invalid continue token');
      offset = decoded.offset;
    }
    const end = limit > 0 ? Math.min(objects.length, offset + limit) : objects.length;
    const metadata: Record<string, unknown> = { resourceVersion: '1000' };
    if (end < objects.length) {
      metadata.continue = encodeContinue({ path: url.pathname, offset: end });
      metadata.remainingItemCount = objects.length - end;
    }
    return reply(200, {
      apiVersion: metadataOnly ? 'meta.k8s.io/v1' : apiVersion,
      kind: metadataOnly ? 'PartialObjectMetadataList' : `${resource.kind}List`,
      metadata,
      items: objects.slice(offset, end).map((o) => shape(o, true)),
    });
  };

  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer({ cert: pki.serverCert, key: pki.serverKey }, (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => inFlight--);
    handle(req, res).catch((error: unknown) => {
      violations.push(`fake API server crashed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const kubeconfig = (opts: { context?: string; token?: string } = {}) => {
    const context = opts.context ?? 'fake';
    return JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fake-cluster', cluster: { server: url, 'certificate-authority-data': Buffer.from(pki.caCert).toString('base64') } }],
      users: [{ name: 'fake-user', user: { token: opts.token ?? token } }],
      contexts: [{ name: context, context: { cluster: 'fake-cluster', user: 'fake-user' } }],
      'current-context': context,
    }, null, 2);
  };

  return {
    url,
    token,
    caCert: pki.caCert,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    violations,
    kubeconfig,
    writeKubeconfig(dir, opts) {
      const path = join(dir, 'kubeconfig');
      writeFileSync(path, kubeconfig(opts), { mode: 0o600 });
      return path;
    },
    add,
    close: () => {
      for (const wake of [...wakers]) wake();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Parses an API path the way the apiserver's RequestInfoFactory does, for the paths served here. */
export function requestAttributes(path: string): RequestAttributes {
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let rest: string[];
  let apiGroup: string;
  if (parts[0] === 'api' && parts.length >= 2) {
    apiGroup = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    apiGroup = parts[1]!;
    rest = parts.slice(3);
  } else {
    return { verb: 'get', path, nonResourceURL: path };
  }
  const attributes: RequestAttributes = { verb: 'list', path, apiGroup };
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    attributes.namespace = rest[1];
    rest = rest.slice(2);
  }
  attributes.resource = rest[0];
  if (rest.length >= 2) {
    attributes.verb = 'get';
    attributes.name = rest[1];
  }
  if (rest.length >= 3) attributes.subresource = rest[2];
  return attributes;
}

/** The continue token this server issues for a list at PATH resuming at OFFSET (for 410 faults). */
export function continueTokenFor(path: string, offset: number): string {
  return encodeContinue({ path, offset });
}

function encodeContinue(value: { path: string; offset: number }): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeContinue(token: string): { path: string; offset: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { path?: unknown; offset?: unknown };
    return typeof value.path === 'string' && typeof value.offset === 'number' ? { path: value.path, offset: value.offset } : undefined;
  } catch {
    return undefined;
  }
}
