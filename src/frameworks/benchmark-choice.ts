import type { ResultsDocument } from '../engine/result.js';
import { CIS_VERSIONS } from './refs.js';
import { findFramework } from './registry.js';
import { UnknownBenchmarkError } from './view.js';

/** kube-bench cfg/config.yaml version_mapping (cis.json _about): Kubernetes minor → CIS Kubernetes Benchmark. */
const CIS_FOR_MINOR: readonly [from: number, to: number, benchmark: string][] = [
  [25, 25, 'cis-1.7'],
  [26, 26, 'cis-1.8'],
  [27, 27, 'cis-1.9'],
  [28, 28, 'cis-1.10'],
  [29, 31, 'cis-1.11'],
  [32, 34, 'cis-1.12'],
];
const NEWEST_CIS = `cis-${CIS_VERSIONS[CIS_VERSIONS.length - 1]}`;

export interface BenchmarkChoice {
  id: string;
  /** Why it was chosen, when it was not named outright. */
  note?: string;
}

/** The CIS benchmark for a Kubernetes version (`v1.29.3`, `1.29`, `1.29.3-eks-…`); the newest with a note when none fits. */
export function cisBenchmarkFor(kubernetesVersion: string | undefined): BenchmarkChoice {
  const match = kubernetesVersion ? /^v?(\d+)\.(\d+)/.exec(kubernetesVersion.trim()) : null;
  if (!match) {
    return { id: NEWEST_CIS, note: `Kubernetes version unknown: using the newest CIS benchmark, ${NEWEST_CIS}` };
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const version = `${major}.${minor}`;
  if (major === 1) {
    const row = CIS_FOR_MINOR.find(([from, to]) => minor >= from && minor <= to);
    if (row) return { id: row[2], note: `Kubernetes ${version}: ${row[2]}` };
    if (minor < CIS_FOR_MINOR[0]![0]) {
      return { id: CIS_FOR_MINOR[0]![2], note: `Kubernetes ${version} is older than any CIS benchmark kubeharden has: using the oldest, ${CIS_FOR_MINOR[0]![2]}` };
    }
  }
  return { id: NEWEST_CIS, note: `Kubernetes ${version} is newer than any CIS benchmark kubeharden has: using the newest, ${NEWEST_CIS}` };
}

const VERSION_KEYS = ['kubernetesVersion', 'serverVersion', 'gitVersion', 'version', 'kubeletVersion'];

/** The Kubernetes version a scan saw, from its targets (cluster, snapshot, node or EKS), if any. */
export function kubernetesVersionOf(document: Pick<ResultsDocument, 'scan'>): string | undefined {
  for (const target of document.scan.targets) {
    for (const key of VERSION_KEYS) {
      const value = target[key];
      if (typeof value === 'string' && /^v?\d+\.\d+/.test(value)) return value;
      if (value && typeof value === 'object' && typeof (value as { gitVersion?: unknown }).gitVersion === 'string') {
        return (value as { gitVersion: string }).gitVersion;
      }
    }
  }
  return undefined;
}

/** `--benchmark X`: a framework id, or `auto` for the CIS version of the scanned cluster. */
export function chooseBenchmark(requested: string, document: Pick<ResultsDocument, 'scan'>): BenchmarkChoice {
  if (requested === 'auto') return cisBenchmarkFor(kubernetesVersionOf(document));
  const framework = findFramework(requested);
  if (!framework) throw new UnknownBenchmarkError(requested);
  return { id: framework.id };
}
