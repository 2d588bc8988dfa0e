import { accessSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

export interface KubeconfigOptions {
  /** --kubeconfig: wins over KUBECONFIG and ~/.kube/config. */
  kubeconfig?: string;
  /** --context: a context of the kubeconfig instead of its current-context. */
  context?: string;
  /** Prefix of the pod's service account mount (/var/run/secrets/…); for tests. */
  inClusterPrefix?: string;
}

export interface LoadedKubeconfig {
  kubeConfig: KubeConfig;
  /** The context in use (`inClusterContext` inside a pod). */
  context: string;
  server: string;
}

/** A kubeconfig that cannot be used: printed as is, exit 2. */
export class KubeconfigError extends Error {}

const SERVICE_ACCOUNT_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Finds credentials the way kubectl does: --kubeconfig, else KUBECONFIG (a list of files, merged),
 * else ~/.kube/config, else the pod's service account when running in a cluster.
 */
export async function loadKubeconfig(options: KubeconfigOptions = {}): Promise<LoadedKubeconfig> {
  // Loaded on demand: the library is large, and `kubeharden scan` never needs it.
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kubeConfig = new KubeConfig();
  const prefix = options.inClusterPrefix ?? '';
  try {
    if (options.kubeconfig !== undefined) {
      kubeConfig.loadFromFile(options.kubeconfig);
    } else if (process.env.KUBECONFIG) {
      kubeConfig.loadFromDefault();
    } else if (readable(join(homedir(), '.kube', 'config'))) {
      kubeConfig.loadFromFile(join(homedir(), '.kube', 'config'));
    } else if (process.env.KUBERNETES_SERVICE_HOST && readable(`${prefix}${SERVICE_ACCOUNT_ROOT}/token`)) {
      kubeConfig.loadFromCluster(prefix);
    } else {
      throw new KubeconfigError(
        'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account',
      );
    }
  } catch (error) {
    if (error instanceof KubeconfigError) throw error;
    const where = options.kubeconfig ?? process.env.KUBECONFIG ?? '~/.kube/config';
    throw new KubeconfigError(`cannot load kubeconfig ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.context !== undefined) {
    if (!kubeConfig.getContextObject(options.context)) {
      const known = kubeConfig.getContexts().map((c) => c.name);
      throw new KubeconfigError(`no context "${options.context}" in the kubeconfig; it has: ${known.join(', ') || 'none'}`);
    }
    kubeConfig.setCurrentContext(options.context);
  }
  const context = kubeConfig.getCurrentContext();
  if (!context) throw new KubeconfigError('the kubeconfig has no current-context; pass --context NAME');
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server) throw new KubeconfigError(`context "${context}" names no cluster with a server address`);
  return { kubeConfig, context, server: cluster.server };
}

function readable(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}
