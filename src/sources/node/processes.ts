import { posix } from 'node:path';
import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

export interface NodeProcess {
  pid: number;
  argv: string[];
  /** Base name of the program, e.g. kube-apiserver, k3s. */
  program: string;
}

/** The process table under <root>/proc, or undefined when there is none (an image or a copied tree). */
export function readProcesses(root: NodeRoot): NodeProcess[] | undefined {
  const listing = root.list('/proc');
  if (isError(listing)) return undefined;
  const processes: NodeProcess[] = [];
  for (const name of listing.names) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = root.readText(`/proc/${name}/cmdline`);
    if (isError(cmdline)) continue; // exited while listing, or a kernel thread
    const argv = cmdline.text.split('\0');
    if (argv.at(-1) === '') argv.pop();
    if (argv.length === 0) continue;
    processes.push({ pid: Number(name), argv, program: posix.basename(argv[0]!) });
  }
  if (processes.length === 0) return undefined;
  return processes.sort((a, b) => a.pid - b.pid);
}

/** Reads a process's environment (etcd takes ETCD_* variables), best effort. */
export function readProcessEnv(root: NodeRoot, pid: number): Record<string, string> {
  const read = root.readText(`/proc/${pid}/environ`);
  if (isError(read)) return {};
  const env: Record<string, string> = {};
  for (const entry of read.text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
