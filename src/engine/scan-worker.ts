// A worker thread of a parallel manifest scan: reads, parses and checks the files of each task it is
// given, and sends back the results already encoded as JSON, with what finish() needs on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { CATALOG } from '../controls/catalog.js';
import { readManifestFile, type InputProblem } from '../sources/manifests/index.js';
import { ResultEncoder } from '../report/json.js';
import { ExitCodeTracker } from './exit-code.js';
import { emptySummary, type Result } from './result.js';
import { ObjectEvaluator } from './scan-objects.js';
import { evaluateManifestItem } from './scan-manifests.js';
import type { ScanTask, ScanTaskDone, ScanWorkerSetup } from './parallel-scan.js';
import { WaiverSet } from './waivers.js';
import { sourcedOf } from '../evidence/retained.js';

const setup = workerData as ScanWorkerSetup;
const waivers = new WaiverSet(setup.waivers.rules, setup.waivers.options);
const wanted = new Set(setup.controls);
const controls = CATALOG.filter((control) => wanted.has(control.id));

async function run(task: ScanTask): Promise<ScanTaskDone> {
  const evaluator = new ObjectEvaluator(controls, { waivers, podTemplatePaths: setup.podTemplatePaths });
  const chunks: Uint8Array[] = [];
  const encoder = new ResultEncoder((bytes) => chunks.push(bytes));
  const exit = new ExitCodeTracker(setup.failOn);
  const summary = emptySummary();
  const problems: InputProblem[] = [];
  const emit = (result: Result) => {
    exit.add(result);
    summary[result.status] += 1;
    encoder.encode(result);
  };
  for (const portable of task.objects ?? []) evaluator.evaluate(sourcedOf(portable), emit);
  for (const file of task.files ?? []) {
    for await (const item of readManifestFile(file, setup.source)) evaluateManifestItem(item, evaluator, emit, (problem) => problems.push(problem));
  }
  encoder.flush();
  return {
    id: task.id,
    chunks,
    count: encoder.count,
    summary,
    exitCode: exit.code,
    problems,
    state: evaluator.exportState(),
    waiverUsage: waivers.usage(),
  };
}

parentPort!.on('message', (task: ScanTask) => {
  run(task).then(
    (done) => parentPort!.postMessage(done, done.chunks.map((chunk) => chunk.buffer as ArrayBuffer)),
    (error: unknown) => {
      throw error;
    },
  );
});
