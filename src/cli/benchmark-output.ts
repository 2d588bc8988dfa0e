import { readFile } from 'node:fs/promises';
import { summarize, type ResultsDocument } from '../engine/result.js';
import { renderBenchmarkTable } from '../report/benchmark-table.js';
import { renderCkl, mergeCkl } from '../report/ckl.js';
import { renderCklb, mergeCklb } from '../report/cklb.js';
import { renderHdf } from '../report/hdf.js';
import { renderOscal } from '../report/oscal.js';
import { renderPolicyReport } from '../report/policyreport.js';
import { assetOf, type AssetOverrides } from '../report/stig-checklist.js';
import { renderXccdf } from '../report/xccdf.js';
import { viewForFlags, type BenchmarkFlags } from './benchmark-options.js';

/** The assessor formats of issue #6; each renders a saved results document through a benchmark view. */
export const BENCHMARK_FORMATS = ['ckl', 'cklb', 'xccdf', 'hdf', 'oscal', 'policyreport'] as const;
export type BenchmarkFormat = (typeof BENCHMARK_FORMATS)[number];

export class BenchmarkOutputError extends Error {}

/**
 * The report text for a benchmark format, or for `--benchmark X` with the table; undefined when the
 * format is someone else's (then the caller renders it as usual). STIG checklists default to stig-v2r2.
 */
export async function renderBenchmarkOutput(
  document: ResultsDocument,
  format: string,
  flags: BenchmarkFlags,
  options: { color?: boolean; showPassed?: boolean; warn?: (message: string) => void } = {},
): Promise<string | undefined> {
  if (format === 'table') {
    const view = viewForFlags(document, flags);
    return view ? renderBenchmarkTable(view, { color: options.color ?? false, showPassed: options.showPassed }) : undefined;
  }
  if (!(BENCHMARK_FORMATS as readonly string[]).includes(format)) return undefined;
  if (format === 'policyreport') return renderPolicyReport(document);
  document = documentForAsset(document, flags.assetName);
  const checklist = format === 'ckl' || format === 'cklb';
  const view = viewForFlags(document, flags, 'stig-v2r2')!;
  if (checklist && view.framework.kind !== 'stig') {
    throw new BenchmarkOutputError(`--format ${format} is a STIG Viewer checklist: use --benchmark stig-v2r2 (not ${view.framework.id})`);
  }
  const asset = assetOf(document, assetOverrides(flags));
  if (flags.mergeInto !== undefined) {
    if (!checklist) throw new BenchmarkOutputError('--merge-into works with --format ckl or cklb');
    let existing: string;
    try {
      existing = await readFile(flags.mergeInto, 'utf8');
    } catch (error) {
      throw new BenchmarkOutputError(`cannot read --merge-into ${flags.mergeInto}: ${(error as Error).message}`);
    }
    const merged = format === 'ckl' ? mergeCkl(existing, view, document) : mergeCklb(existing, view, document);
    for (const warning of merged.warnings) options.warn?.(`${flags.mergeInto}: ${warning}`);
    return merged.text;
  }
  switch (format) {
    case 'ckl':
      return renderCkl(view, document, asset);
    case 'cklb':
      return renderCklb(view, document, asset);
    case 'xccdf':
      return renderXccdf(view, document, asset);
    case 'hdf':
      return renderHdf(view, document, asset);
    case 'oscal':
      return renderOscal(view, document, asset);
  }
}

/**
 * A checklist is about one asset: when `--asset-name` names a node the results cover (a merged
 * report of several nodes), the other nodes' results are left out; cluster and resource results stay.
 */
export function documentForAsset(document: ResultsDocument, assetName: string | undefined): ResultsDocument {
  const nodeOf = (subject: ResultsDocument['results'][number]['subject']) => ('node' in subject ? subject.node : undefined);
  if (assetName === undefined || !document.results.some((r) => nodeOf(r.subject) === assetName)) return document;
  const results = document.results.filter((r) => nodeOf(r.subject) === undefined || nodeOf(r.subject) === assetName);
  return { ...document, results, summary: summarize(results) };
}

function assetOverrides(flags: BenchmarkFlags): AssetOverrides {
  const overrides: AssetOverrides = {};
  if (flags.assetName !== undefined) overrides.hostName = flags.assetName;
  if (flags.assetIp !== undefined) overrides.hostIp = flags.assetIp;
  if (flags.assetFqdn !== undefined) overrides.hostFqdn = flags.assetFqdn;
  if (flags.assetMac !== undefined) overrides.hostMac = flags.assetMac;
  if (flags.assetRole !== undefined) overrides.role = flags.assetRole;
  if (flags.techArea !== undefined) overrides.techArea = flags.techArea;
  return overrides;
}
