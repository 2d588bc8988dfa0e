import type { ScanTarget } from '../engine/result.js';
import { RBAC_KINDS } from '../evidence/rbac.js';
import { ClusterUnreachableError, collectCluster, DEFAULT_PAGE_SIZE, type ClusterItem } from '../sources/cluster/collect.js';
import { openSnapshot } from '../sources/cluster/snapshot.js';
import { connect } from './cluster-command.js';
import { UsageError } from './output.js';
import type { RbacInputSource } from './rbac-command.js';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * `rbac who-can` over a live cluster (no paths given) or a snapshot (--snapshot FILE): only the
 * RBAC kinds are read, from every namespace, since a ClusterRoleBinding grants in all of them.
 */
export const clusterRbacSource: RbacInputSource = {
  name: 'cluster',
  addOptions(command) {
    command
      .option('--kubeconfig <file>', 'with no paths: ask the cluster of this kubeconfig (default: KUBECONFIG, ~/.kube/config, or the pod service account)')
      .option('--context <name>', 'kubeconfig context to use')
      .option('--snapshot <file>', 'answer from a kubeharden snapshot or kubectl dump instead')
      .option('--request-timeout <duration>', 'per API request, e.g. 30s', '30s');
  },
  selected: (paths) => paths.length === 0,
  async load(makeInventory, _paths, flags, onProblem) {
    const snapshotFile = str(flags.snapshot);
    let items: AsyncIterable<ClusterItem> | Iterable<ClusterItem>;
    let target: ScanTarget;
    let complete: boolean;
    let close = () => {};
    if (snapshotFile !== undefined) {
      const snapshot = await openSnapshot(snapshotFile);
      for (const problem of snapshot.problems) if (problem.level === 'error') onProblem(`${problem.line ? `${problem.file}:${problem.line}` : problem.file}: ${problem.message}`);
      items = snapshot.items;
      complete = snapshot.info !== undefined && snapshot.info.namespace === undefined;
      target = { type: 'snapshot', file: snapshotFile, ...(snapshot.info ? { context: snapshot.info.context } : {}) };
    } else {
      const live = await connect({
        kubeconfig: str(flags.kubeconfig),
        context: str(flags.context),
        chunkSize: String(DEFAULT_PAGE_SIZE),
        requestTimeout: str(flags.requestTimeout) ?? '30s',
        concurrency: '4',
      });
      items = collectCluster(live.client, { kinds: new Set(RBAC_KINDS) });
      complete = true;
      target = { type: 'cluster', context: live.context, server: live.server };
      close = () => live.client.close();
    }
    const inventory = makeInventory(complete);
    try {
      for await (const item of items) {
        if (item.type === 'object') inventory.add(item.item);
        else if (item.type === 'error') onProblem(item.error.message);
      }
    } catch (error) {
      throw error instanceof ClusterUnreachableError ? new UsageError(error.message) : error;
    } finally {
      close();
    }
    return { inventory, target };
  },
};
