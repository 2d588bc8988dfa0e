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
 *
 * `fleet run` tests opt in to exactly one kind of write with `jobs: { namespace, run }`: creating
 * and deleting batch/v1 Jobs in that namespace. The server then plays the Job controller: a created
 * Job gets the pod `run(job)` describes (its successive statuses, one per read, and its log), pods
 * are listed by labelSelector, `pods/NAME/log` serves the log, and deleting a Job with
 * propagationPolicy Background or Foreground deletes its pods. Every other write is still a violation.
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

/** The pod the simulated Job controller makes for a created Job. */
export interface FakeJobPod {
  /** Its status on each successive read (list or get); the last one stays. */
  statuses: Record<string, unknown>[];
  /** What GET pods/NAME/log returns. */
  log?: string;
}

export interface FakeJobsOption {
  /** The one namespace where Jobs may be created and deleted. */
  namespace: string;
  /** The pod of a created Job (none: the Job never gets one) and the Job's status. */
  run: (job: FakeObject) => { pod?: FakeJobPod; jobStatus?: Record<string, unknown> };
}

/** A write the server accepted (only with the `jobs` opt-in). */
export interface FakeWrite {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
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
  /** Opt-in: allow and simulate Jobs in one namespace (see the top of this file). */
  jobs?: FakeJobsOption;
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
  /** Writes accepted through the `jobs` opt-in, in arrival order. */
  writes: FakeWrite[];
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
  const writes: FakeWrite[] = [];
  /** Pod name → its remaining scripted statuses and log (pods of simulated Jobs). */
  const scripts = new Map<string, { statuses: Record<string, unknown>[]; log?: string }>();
  const jobsResource = byKind.get('batch/v1/Job')!;
  const podsResource = byKind.get('v1/Pod')!;
  let podSerial = 0;
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
    writeReply = reply;
    writeStatus = status;

    const attributes = requestAttributes(url.pathname, req.method);
    const jobWrite = options.jobs !== undefined && attributes.apiGroup === 'batch' && attributes.resource === 'jobs'
      && attributes.namespace === options.jobs.namespace && attributes.subresource === undefined
      && ((req.method === 'POST' && attributes.name === undefined) || (req.method === 'DELETE' && attributes.name !== undefined));
    if (req.method !== 'GET' && !jobWrite) {
      violations.push(`${req.method} ${url.pathname}: the scanner must only read${options.jobs ? ` (fleet run may only create and delete Jobs in namespace ${options.jobs.namespace})` : ''}`);
      return status(405, 'MethodNotAllowed', `${req.method} is not allowed here`);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      if (req.headers.authorization) violations.push(`${url.pathname}: wrong bearer token`);
      return status(401, 'Unauthorized', 'Unauthorized');
    }
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
    if (jobWrite) {
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      writes.push({ method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams), ...(body === undefined ? {} : { body }) });
      return req.method === 'POST' ? createJob(body, attributes.namespace!) : deleteJob(attributes.namespace!, attributes.name!, url.searchParams.get('propagationPolicy'));
    }
    const resource = FAKE_RESOURCES.find((known) => known.plural === attributes.resource && known.group === (attributes.apiGroup ?? ''));
    if (!resource || (attributes.namespace !== undefined && !resource.namespaced)) return status(404, 'NotFound', 'the server could not find the requested resource');
    if (attributes.subresource === 'log' && resource === podsResource && options.jobs?.namespace === attributes.namespace) {
      const pod = store.get(podsResource)!.find((o) => o.metadata?.namespace === attributes.namespace && o.metadata?.name === attributes.name);
      const script = scripts.get(`${attributes.namespace}/${attributes.name}`);
      if (!pod || !script) return status(404, 'NotFound', `pods "${attributes.name}" not found`);
      const container = url.searchParams.get('container');
      if (container !== null && container !== 'node-audit') return status(400, 'BadRequest', `container ${container} is not valid for pod ${attributes.name}`);
      const limit = Number(url.searchParams.get('limitBytes') ?? '0');
      const text = Buffer.from(script.log ?? '');
      log(200);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(limit > 0 ? text.subarray(0, limit) : text);
    }
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
    let objects = store.get(resource)!.filter((o) => attributes.namespace === undefined || o.metadata?.namespace === attributes.namespace);
    if (attributes.verb === 'get') {
      const found = objects.find((o) => o.metadata?.name === attributes.name);
      if (!found) return status(404, 'NotFound', `${resource.plural} "${attributes.name}" not found`);
      if (resource === podsResource) advance(found);
      return reply(200, shape(found, false));
    }
    const labelSelector = url.searchParams.get('labelSelector');
    const fieldSelector = url.searchParams.get('fieldSelector');
    if (labelSelector !== null || fieldSelector !== null) {
      const labelMatch = labelSelector === null ? () => true : parseLabelSelector(labelSelector);
      const fieldMatch = fieldSelector === null ? () => true : parseFieldSelector(fieldSelector);
      if (!labelMatch || !fieldMatch) return status(400, 'BadRequest', `unable to parse selector ${labelSelector ?? fieldSelector}`);
      objects = objects.filter((o) => labelMatch(o.metadata?.labels as Record<string, string> | undefined ?? {}) && fieldMatch(o));
    }
    if (resource === podsResource) for (const pod of objects) advance(pod);
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

  /** A pod of a simulated Job shows its next scripted status on each read. */
  function advance(pod: FakeObject): void {
    const script = scripts.get(`${pod.metadata?.namespace}/${pod.metadata?.name}`);
    if (!script) return;
    pod.status = script.statuses.length > 1 ? script.statuses.shift() : script.statuses[0];
  }

  function createJob(body: unknown, namespace: string): void {
    const job = body as FakeObject | undefined;
    const name = job?.metadata?.name;
    if (job?.apiVersion !== 'batch/v1' || job.kind !== 'Job' || typeof name !== 'string' || (job.metadata?.namespace ?? namespace) !== namespace) {
      violations.push(`POST jobs in ${namespace}: not a batch/v1 Job of this namespace: ${JSON.stringify(body).slice(0, 200)}`);
      return void writeStatus(400, 'BadRequest', 'not a Job of this namespace');
    }
    if (store.get(jobsResource)!.some((o) => o.metadata?.namespace === namespace && o.metadata?.name === name)) {
      return void writeStatus(409, 'AlreadyExists', `jobs.batch "${name}" already exists`);
    }
    const uid = randomBytes(8).toString('hex');
    const run = options.jobs!.run(job);
    const stored: FakeObject = { ...job, metadata: { ...job.metadata, namespace, uid }, status: run.jobStatus ?? {} };
    add(stored);
    const pod = run.pod;
    if (pod !== undefined) {
      const template = (job.spec as { template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } } | undefined)?.template ?? {};
      const podName = `${name.slice(0, 57)}-${(podSerial++).toString(36).padStart(5, '0')}`;
      add({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace,
          labels: { ...template.metadata?.labels, 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name },
          annotations: { ...template.metadata?.annotations },
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: template.spec,
        status: { phase: 'Pending' },
      });
      scripts.set(`${namespace}/${podName}`, { statuses: [...pod.statuses], log: pod.log });
    }
    writeReply(201, stored);
  }

  function deleteJob(namespace: string, name: string, propagationPolicy: string | null): void {
    const jobs = store.get(jobsResource)!;
    const index = jobs.findIndex((o) => o.metadata?.namespace === namespace && o.metadata?.name === name);
    if (index < 0) return void writeStatus(404, 'NotFound', `jobs.batch "${name}" not found`);
    const [job] = jobs.splice(index, 1);
    // batch/v1 Jobs orphan their pods unless told otherwise, as the real garbage collector does.
    if (propagationPolicy === 'Background' || propagationPolicy === 'Foreground') {
      const pods = store.get(podsResource)!;
      for (let i = pods.length - 1; i >= 0; i--) {
        const owners = (pods[i]!.metadata?.ownerReferences ?? []) as { kind?: string; name?: string }[];
        if (pods[i]!.metadata?.namespace === namespace && owners.some((o) => o.kind === 'Job' && o.name === name)) pods.splice(i, 1);
      }
    }
    writeReply(200, job);
  }

  // Set per request by handle(), used by createJob/deleteJob.
  let writeReply: (code: number, body: unknown) => void = () => {};
  let writeStatus: (code: number, reason: string, message: string) => void = () => {};

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
    writes,
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

/** Parses an API path (and method) the way the apiserver's RequestInfoFactory does, for the paths served here. */
export function requestAttributes(path: string, method = 'GET'): RequestAttributes {
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
  if (method === 'POST') attributes.verb = 'create';
  else if (method === 'DELETE') attributes.verb = attributes.name === undefined ? 'deletecollection' : 'delete';
  else if (method === 'PUT') attributes.verb = 'update';
  else if (method === 'PATCH') attributes.verb = 'patch';
  return attributes;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** An equality-based label selector (`a=b,c!=d,e,!f`) as a predicate; undefined when it is not one. */
export function parseLabelSelector(selector: string): ((labels: Record<string, string>) => boolean) | undefined {
  const tests: ((labels: Record<string, string>) => boolean)[] = [];
  for (const term of selector.split(',').map((t) => t.trim()).filter((t) => t !== '')) {
    const match = /^(!?)([A-Za-z0-9._/-]+)(?:\s*(==|=|!=)\s*([A-Za-z0-9._-]*))?$/.exec(term);
    if (!match) return undefined;
    const [, not, key, op, value] = match as unknown as [string, string, string, string | undefined, string | undefined];
    if (not && op) return undefined;
    if (op === '!=') tests.push((labels) => labels[key] !== value);
    else if (op) tests.push((labels) => labels[key] === value);
    else if (not) tests.push((labels) => !(key in labels));
    else tests.push((labels) => key in labels);
  }
  return (labels) => tests.every((t) => t(labels));
}

/** The field selectors every kind supports: metadata.name and metadata.namespace, with = or ==. */
function parseFieldSelector(selector: string): ((object: FakeObject) => boolean) | undefined {
  const tests: ((object: FakeObject) => boolean)[] = [];
  for (const term of selector.split(',').filter((t) => t !== '')) {
    const match = /^metadata\.(name|namespace)(==|=|!=)(.*)$/.exec(term);
    if (!match) return undefined;
    const [, field, op, value] = match as unknown as [string, 'name' | 'namespace', string, string];
    tests.push((object) => (object.metadata?.[field] === value) === (op !== '!='));
  }
  return (object) => tests.every((t) => t(object));
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
