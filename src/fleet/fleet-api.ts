import { asArray, isRecord, type KubeObject } from '../evidence/kube-object.js';
import { ApiRequestError, type KubeApiClient } from '../sources/cluster/api-client.js';

/** A node as `fleet run` needs it: its name, whether it is cordoned, and its taints (for hints). */
export interface FleetNode {
  name: string;
  unschedulable: boolean;
  taints: { key: string; value?: string; effect: string }[];
}

/**
 * Everything `fleet run` does to a cluster. The only writes are creating and deleting its own Jobs
 * in its namespace; everything else is a read. Tests substitute it, or run it against the loopback
 * API server.
 */
export interface FleetApi {
  /** Every node (paginated), optionally by a label selector. */
  listNodes(labelSelector?: string): Promise<FleetNode[]>;
  /** Whether a node of that name exists (to tell a node deleted during the run). */
  nodeExists(name: string): Promise<boolean>;
  createJob(namespace: string, job: KubeObject): Promise<void>;
  /** undefined when it does not exist. */
  getJob(namespace: string, name: string): Promise<KubeObject | undefined>;
  listPods(namespace: string, labelSelector: string): Promise<KubeObject[]>;
  podLog(namespace: string, pod: string, container: string, limitBytes: number): Promise<string>;
  /** Deletes a Job and, in the background, its pods; a Job already gone is not an error. */
  deleteJob(namespace: string, name: string): Promise<void>;
}

/** The message of a failed request with the API server's reason (`403 Forbidden: jobs.batch is forbidden: …`). */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const detail = isRecord(error.body) && typeof error.body.message === 'string' ? error.body.message : undefined;
    return detail ? `${error.message}: ${detail}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const statusOf = (error: unknown) => (error instanceof ApiRequestError ? error.status : undefined);
const q = encodeURIComponent;

/** FleetApi over the scanner's own API client (kubeconfig, retries, timeouts). */
export class KubeFleetApi implements FleetApi {
  constructor(
    private readonly client: KubeApiClient,
    /** Objects per list request (limit/continue). */
    private readonly pageSize = 500,
  ) {}

  async listNodes(labelSelector?: string): Promise<FleetNode[]> {
    const nodes: FleetNode[] = [];
    const selector = labelSelector ? `&labelSelector=${q(labelSelector)}` : '';
    for (const object of await this.listAll(`/api/v1/nodes?limit=${this.pageSize}${selector}`)) nodes.push(fleetNode(object));
    return nodes;
  }

  async nodeExists(name: string): Promise<boolean> {
    const items = await this.listAll(`/api/v1/nodes?fieldSelector=${q(`metadata.name=${name}`)}`);
    return items.length > 0;
  }

  async createJob(namespace: string, job: KubeObject): Promise<void> {
    await this.client.request({ method: 'POST', path: `/apis/batch/v1/namespaces/${q(namespace)}/jobs`, body: job });
  }

  async getJob(namespace: string, name: string): Promise<KubeObject | undefined> {
    try {
      return (await this.client.getJson(`/apis/batch/v1/namespaces/${q(namespace)}/jobs/${q(name)}`)) as KubeObject;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async listPods(namespace: string, labelSelector: string): Promise<KubeObject[]> {
    return this.listAll(`/api/v1/namespaces/${q(namespace)}/pods?limit=${this.pageSize}&labelSelector=${q(labelSelector)}`);
  }

  async podLog(namespace: string, pod: string, container: string, limitBytes: number): Promise<string> {
    const path = `/api/v1/namespaces/${q(namespace)}/pods/${q(pod)}/log?container=${q(container)}&limitBytes=${limitBytes}`;
    return (await this.client.request({ method: 'GET', path, accept: 'text/plain, */*', reply: 'text' })) as string;
  }

  async deleteJob(namespace: string, name: string): Promise<void> {
    try {
      await this.client.request({ method: 'DELETE', path: `/apis/batch/v1/namespaces/${q(namespace)}/jobs/${q(name)}?propagationPolicy=Background` });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  private async listAll(firstPath: string): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let path: string | undefined = firstPath;
    while (path !== undefined) {
      const list = (await this.client.getJson(path)) as { items?: unknown; metadata?: { continue?: string } };
      for (const item of asArray(list.items)) if (isRecord(item)) items.push(item as KubeObject);
      const token = list.metadata?.continue;
      path = token ? `${firstPath}&continue=${q(token)}` : undefined;
    }
    return items;
  }
}

function fleetNode(object: KubeObject): FleetNode {
  const spec = isRecord(object.spec) ? object.spec : {};
  const taints = asArray(spec.taints).filter(isRecord).map((t) => ({
    key: String(t.key ?? ''),
    ...(typeof t.value === 'string' ? { value: t.value } : {}),
    effect: String(t.effect ?? ''),
  }));
  return { name: String(object.metadata?.name ?? ''), unschedulable: spec.unschedulable === true, taints };
}

export { statusOf as apiErrorStatus };
