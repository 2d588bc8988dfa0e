import type { Agent } from 'node:http';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface ApiClientOptions {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Retries after the first attempt, for 429, 5xx, timeouts and dropped connections. */
  retries: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** First backoff delay; it doubles each retry, capped by maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** The longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_API_CLIENT_OPTIONS: ApiClientOptions = {
  timeoutMs: 30_000,
  retries: 4,
  concurrency: 8,
  backoffMs: 250,
  maxBackoffMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** With its query. */
  path: string;
  accept?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** `text`: the reply body as sent (pod logs); `json` (the default): parsed. */
  reply?: 'json' | 'text';
}

/** A request that did not give a usable answer, after retries where they apply. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, absent for timeouts and network errors. */
    readonly status?: number,
    /** The body of a Status reply (e.g. the 410 of an expired continue token). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 406: 'Not Acceptable', 410: 'Gone',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function statusLine(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? 'HTTP error'}`;
}

/**
 * Requests to the API server: GETs for every scan; only `fleet run` creates and deletes (its own
 * Jobs). The client library supplies what a kubeconfig means
 * (server, CA, client certificates, tokens, exec and OIDC plugins, proxies, in-cluster service
 * account); requests go through node:https so the Accept header (metadata-only lists), timeout,
 * retries and concurrency are ours, and objects stay as the server sent them.
 */
export class KubeApiClient {
  readonly server: string;
  private readonly options: ApiClientOptions;
  private agent: Agent | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly kubeConfig: KubeConfig,
    options: Partial<ApiClientOptions> = {},
  ) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig context names no cluster');
    this.server = cluster.server.replace(/\/+$/, '');
    this.options = { ...DEFAULT_API_CLIENT_OPTIONS, ...options };
  }

  /** GETs `path` (with its query) and parses the JSON reply; retries as configured. */
  async getJson(path: string, accept = 'application/json'): Promise<unknown> {
    return this.request({ method: 'GET', path, accept, reply: 'json' });
  }

  /**
   * Any request; JSON replies are parsed, text replies (pod logs) returned as sent. Only
   * `kubeharden fleet run` sends anything but GET: it creates and deletes its own Jobs.
   * A retried POST may find its first attempt succeeded: the caller treats 409 accordingly.
   */
  async request(request: ApiRequest): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      let delayMs: number;
      try {
        return await this.withSlot(() => this.once(request));
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt >= this.options.retries) {
          throw error instanceof RetryableError ? error.final : error;
        }
        const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** attempt);
        // Jitter spreads the retries of parallel lists so they do not arrive together again.
        delayMs = error.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2);
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  /** Frees the connection pool so the process can exit. */
  close(): void {
    this.agent?.destroy();
  }

  private async withSlot<T>(run: () => Promise<T>): Promise<T> {
    while (this.active >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await run();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async once({ method, path, accept = 'application/json', body, reply }: ApiRequest): Promise<unknown> {
    const options: RequestOptions = { method, headers: {} };
    // Per request: tokens from files and exec plugins rotate.
    await this.kubeConfig.applyToHTTPSOptions(options);
    this.agent ??= options.agent as Agent;
    options.agent = this.agent;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    options.headers = {
      ...options.headers,
      Accept: accept,
      'User-Agent': 'kubeharden',
      ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
    };
    const url = new URL(this.server + path);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const { timeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const req = send(url, options, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new RetryableError(new ApiRequestError(error.message))));
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          if (status >= 200 && status < 300 && reply === 'text') {
            resolve(text);
            return;
          }
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          if (status >= 200 && status < 300) {
            if (parsed === undefined) reject(new ApiRequestError(`${statusLine(status)} with a reply that is not JSON`, status));
            else resolve(parsed);
            return;
          }
          const error = new ApiRequestError(statusLine(status), status, parsed);
          if (status === 429 || status >= 500) reject(new RetryableError(error, retryAfterMs(response.headers['retry-after'], this.options.maxRetryAfterMs)));
          else reject(error);
        });
      });
      // A deadline on the whole exchange, not only on idle sockets: a server that trickles bytes
      // must not hold the scan.
      const timer = setTimeout(() => {
        req.destroy(new TimeoutError(`timed out after ${formatSeconds(timeoutMs)}`));
      }, timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        const message = error instanceof TimeoutError ? error.message : describeNetworkError(error);
        reject(new RetryableError(new ApiRequestError(message)));
      });
      req.end(payload);
    });
  }
}

class TimeoutError extends Error {}

class RetryableError extends Error {
  constructor(
    readonly final: ApiRequestError,
    readonly retryAfterMs?: number,
  ) {
    super(final.message);
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110 10.2.3). */
export function retryAfterMs(header: string | string[] | undefined, maxMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(maxMs, Math.max(0, ms));
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function describeNetworkError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
