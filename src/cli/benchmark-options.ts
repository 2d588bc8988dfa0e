import type { Command } from 'commander';
import type { ResultsDocument } from '../engine/result.js';
import { chooseBenchmark } from '../frameworks/benchmark-choice.js';
import { FRAMEWORK_IDS } from '../frameworks/registry.js';
import { benchmarkView, type BenchmarkView } from '../frameworks/view.js';

/** The flags `addBenchmarkOptions` adds; pass them on to `writeReport` as `benchmark`. */
export interface BenchmarkFlags {
  benchmark?: string;
  assetName?: string;
  assetIp?: string;
  assetFqdn?: string;
  assetMac?: string;
  assetRole?: string;
  techArea?: string;
  mergeInto?: string;
}

/**
 * `--benchmark` and the checklist asset options, for every command that produces a results document
 * (scan, node, cluster, report render). Call it on the command before `.action`.
 */
export function addBenchmarkOptions(command: Command): Command {
  return command
    .option('--benchmark <id>', `report per benchmark item with a score: auto (CIS version of the scanned cluster), ${FRAMEWORK_IDS.join(', ')}`)
    .option('--asset-name <name>', 'checklist asset host name (ckl, cklb, xccdf, hdf, oscal); default: the scanned node')
    .option('--asset-ip <ip>', 'checklist asset IP address')
    .option('--asset-fqdn <fqdn>', 'checklist asset fully qualified domain name')
    .option('--asset-mac <mac>', 'checklist asset MAC address')
    .option('--asset-role <role>', 'checklist asset role: None, Workstation, Member Server, Domain Controller')
    .option('--tech-area <area>', 'checklist technology area, e.g. "UNIX OS", "Other Review"')
    .option('--merge-into <checklist>', 'ckl/cklb: update the automated rules of this existing checklist, keeping manual entries and comments');
}

/** The view `--benchmark` asks for (or `fallback`), undefined without either; UnknownBenchmarkError for a bad id. */
export function viewForFlags(document: ResultsDocument, flags: Pick<BenchmarkFlags, 'benchmark'>, fallback?: string): BenchmarkView | undefined {
  const requested = flags.benchmark ?? fallback;
  if (requested === undefined) return undefined;
  const choice = chooseBenchmark(requested, document);
  return benchmarkView(document, choice.id, { note: choice.note });
}
