// `npm run bench`: generates deterministic corpora and measures the scanner against the YAML floor.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { generateCorpus } from './generate-corpus.js';
import { AUTO_MAX_JOBS, AUTO_MIN_BYTES } from '../src/engine/parallel-scan.js';
import { measureLiveCluster, measureNodeAudit, type CliRun, type Measurement } from './live-and-node.js';


const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 3);
const childScript = fileURLToPath(new URL('./cli-child.js', import.meta.url));
/** What `scan --jobs` defaults to for inputs of at least AUTO_MIN_BYTES. */
const defaultJobs = Math.min(availableParallelism(), AUTO_MAX_JOBS);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The floor: read and parse every file with js-yaml, nothing else, on one thread. */
function measureFloor(dir: string): number {
  const started = performance.now();
  let documents = 0;
  for (const file of listFiles(dir)) {
    yaml.loadAll(readFileSync(file, 'utf8'), () => {
      documents += 1;
    });
  }
  if (documents === 0) throw new Error('floor parsed nothing');
  return performance.now() - started;
}

function parseChild(stderr: string, ms: number, code: number | null): CliRun {
  const marker = /KUBEHARDEN_BENCH (\{.*\})/.exec(stderr);
  if (!marker) throw new Error(`no measurement from child: ${stderr.slice(-2000)}`);
  const { maxRssKiB } = JSON.parse(marker[1]!) as { maxRssKiB: number };
  return { ms, peakRssMiB: maxRssKiB / 1024, code };
}

/** Runs the CLI in a child process; returns wall time and the child's peak RSS. */
function runCli(args: string[]): CliRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, [childScript, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseChild(child.stderr ?? '', performance.now() - started, child.status);
}

/** The same, without blocking this process (which serves the loopback API server of the live measurement). */
function runCliAsync(args: string[]): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(parseChild(stderr, performance.now() - started, code));
      } catch (error) {
        reject(error);
      }
    });
  });
}

const root = mkdtempSync(join(tmpdir(), 'kubeharden-bench-'));
const measurements: Measurement[] = [];
try {
  for (const size of sizes) {
    const dir = join(root, `corpus-${size}`);
    const files = generateCorpus(dir, size);
    const reps = size >= 100_000 ? Math.max(1, Math.min(repetitions, 2)) : repetitions;
    const floorRuns = Array.from({ length: reps }, () => measureFloor(dir));
    const floorMs = median(floorRuns);
    measurements.push({ name: 'floor: js-yaml read+parse', resources: size, medianMs: floorMs, runsMs: floorRuns, resourcesPerSecond: (size / floorMs) * 1000, note: `${files} files` });
    const out = join(root, `results-${size}.json`);
    // The default (one thread per CPU for this much input), and the same on one thread for comparison.
    const bytes = listFiles(dir).reduce((sum, file) => sum + statSync(file).size, 0);
    const threads = bytes >= AUTO_MIN_BYTES ? defaultJobs : 1;
    const variants: { name: string; args: string[] }[] = [{ name: `kubeharden scan (all controls, JSON to file, default: ${threads} thread${threads > 1 ? 's' : ''})`, args: [] }];
    if (threads > 1 && size <= 10_000) variants.push({ name: 'kubeharden scan (all controls, JSON to file, --jobs 1)', args: ['--jobs', '1'] });
    for (const variant of variants) {
      const scanRuns = Array.from({ length: reps }, () => runCli(['scan', dir, '--format', 'json', '-o', out, ...variant.args]));
      const scanMs = median(scanRuns.map((r) => r.ms));
      measurements.push({
        name: variant.name,
        resources: size,
        medianMs: scanMs,
        runsMs: scanRuns.map((r) => r.ms),
        resourcesPerSecond: (size / scanMs) * 1000,
        ratioToFloor: floorMs / scanMs,
        peakRssMiB: Math.max(...scanRuns.map((r) => r.peakRssMiB)),
        note: `exit ${scanRuns[0]!.code}, results ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB`,
      });
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
  if (process.env.BENCH_SKIP_LIVE !== '1') {
    const live = await measureLiveCluster(Number(process.env.BENCH_PODS ?? 50_000), repetitions, runCliAsync, median);
    measurements.push(...live);
  }
  measurements.push(measureNodeAudit(repetitions, runCli, median));
} finally {
  rmSync(root, { recursive: true, force: true });
}

const rows = measurements.map((m) => [
  m.name,
  m.resources?.toLocaleString('en-US') ?? '',
  m.medianMs.toFixed(0),
  m.resourcesPerSecond ? Math.round(m.resourcesPerSecond).toLocaleString('en-US') : '',
  m.ratioToFloor ? m.ratioToFloor.toFixed(2) : '',
  m.peakRssMiB ? m.peakRssMiB.toFixed(0) : '',
  m.note ?? '',
]);
const header = ['measurement', 'resources', 'median ms', 'resources/s', 'scan/floor', 'peak RSS MiB', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
mkdirSync('bench', { recursive: true });
writeFileSync(
  join('bench', 'results.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, repetitions, measurements }, null, 2) + '\n',
);
console.log('\nwrote bench/results.json');
