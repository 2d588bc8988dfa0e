import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ResultsDocument } from '../../src/engine/result.js';
import { kubeadmWorker } from '../sources/node/fixtures.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

/**
 * The pod log of a real node-audit Job: the built CLI's `node --root <kubeadm worker fixture>
 * --format json`, with a diagnostic line of its stderr first, as the kubelet interleaves them.
 */
export function realNodeLog(): { log: string; document: ResultsDocument } {
  const worker = kubeadmWorker();
  try {
    const child = spawnSync(process.execPath, [CLI, 'node', '--root', worker.dir, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
    if (!child.stdout.startsWith('{')) throw new Error(`the node audit printed no document: ${child.stderr}`);
    return { log: `kubeharden: error: /etc/kubernetes/example: simulated diagnostic\n${child.stdout}`, document: JSON.parse(child.stdout) as ResultsDocument };
  } finally {
    worker.cleanup();
  }
}
