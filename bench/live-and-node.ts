// The live-cluster and node-audit measurements of `npm run bench` (issue #8), on the same loopback
// API server and node roots the tests use.
import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBELET_CONFIG, deployment, namespace, node, pod, podSpec, container } from '../test/support/cluster-objects.js';
import { startFakeApiServer, type FakeObject } from '../test/support/fake-apiserver.js';
import { kubeadmControlPlane } from '../test/sources/node/fixtures.js';

/** One row of the benchmark table (and of bench/results.json). */
export interface Measurement {
  name: string;
  resources?: number;
  medianMs: number;
  runsMs: number[];
  resourcesPerSecond?: number;
  ratioToFloor?: number;
  peakRssMiB?: number;
  note?: string;
}

export interface CliRun {
  ms: number;
  peakRssMiB: number;
  code: number | null;
}
type RunCli = (args: string[]) => CliRun;
type RunCliAsync = (args: string[]) => Promise<CliRun>;
type Median = (values: number[]) => number;

/** Pages through /api/v1/pods as any client would (limit/continue), parsing each page: the floor of a live scan. */
async function listPods(url: string, token: string, ca: string, pageSize = 500): Promise<number> {
  let count = 0;
  let next: string | undefined;
  do {
    const query = `limit=${pageSize}${next ? `&continue=${encodeURIComponent(next)}` : ''}`;
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}/api/v1/pods?${query}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    const page = JSON.parse(body) as { items: unknown[]; metadata?: { continue?: string } };
    count += page.items.length;
    next = page.metadata?.continue || undefined;
  } while (next);
  return count;
}

/** The CLI must run as an asynchronous child here: a synchronous one would block the in-process API server it talks to. */
export async function measureLiveCluster(pods: number, repetitions: number, runCli: RunCliAsync, median: Median): Promise<Measurement[]> {
  const objects: FakeObject[] = [];
  const namespaces = 50;
  for (let n = 0; n < namespaces; n++) objects.push(namespace(`team-${n}`));
  const nodes = 20;
  for (let n = 0; n < nodes; n++) objects.push(node(`node-${n}`));
  for (let i = 0; i < pods; i++) {
    const ns = `team-${i % namespaces}`;
    const spec = i % 3 === 0 ? podSpec([container('app', { privileged: true })]) : podSpec();
    objects.push(pod(ns, `pod-${i}`, spec));
  }
  for (let d = 0; d < 500; d++) objects.push(deployment(`team-${d % namespaces}`, `deploy-${d}`));
  const kubeletConfigs = Object.fromEntries(Array.from({ length: nodes }, (_, n) => [`node-${n}`, KUBELET_CONFIG]));
  const server = await startFakeApiServer({ objects, kubeletConfigs });
  const dir = mkdtempSync(join(tmpdir(), 'kubeharden-bench-live-'));
  try {
    const kubeconfig = server.writeKubeconfig(dir);
    const listRuns: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      const started = performance.now();
      const listed = await listPods(server.url, server.token, server.caCert);
      listRuns.push(performance.now() - started);
      if (listed !== pods) throw new Error(`listed ${listed} pods, expected ${pods}`);
    }
    const listMs = median(listRuns);
    const scanRuns: CliRun[] = [];
    for (let r = 0; r < repetitions; r++) {
      scanRuns.push(await runCli(['cluster', '--kubeconfig', kubeconfig, '--format', 'json', '-o', join(dir, 'out.json')]));
    }
    const scanMs = median(scanRuns.map((s) => s.ms));
    return [
      { name: 'floor: list pods (limit 500, JSON parse)', resources: pods, medianMs: listMs, runsMs: listRuns, resourcesPerSecond: (pods / listMs) * 1000 },
      {
        name: 'kubeharden cluster (live, every kind)',
        resources: pods,
        medianMs: scanMs,
        runsMs: scanRuns.map((s) => s.ms),
        resourcesPerSecond: (pods / scanMs) * 1000,
        ratioToFloor: listMs / scanMs,
        peakRssMiB: Math.max(...scanRuns.map((s) => s.peakRssMiB)),
        note: `exit ${scanRuns[0]!.code}; target: within 2x the listing`,
      },
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureNodeAudit(repetitions: number, runCli: RunCli, median: Median): Measurement {
  const root = kubeadmControlPlane({ hardened: true });
  try {
    const runs = Array.from({ length: repetitions }, () => runCli(['node', '--root', root.dir, '--format', 'json', '-o', join(root.dir, '..', `node-bench-${process.pid}.json`)]));
    return {
      name: 'kubeharden node (hardened kubeadm control plane)',
      medianMs: median(runs.map((r) => r.ms)),
      runsMs: runs.map((r) => r.ms),
      peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
      note: `exit ${runs[0]!.code}; target: under 1 s`,
    };
  } finally {
    root.cleanup();
  }
}
