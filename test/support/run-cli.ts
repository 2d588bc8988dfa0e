import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join('dist', 'src', 'cli', 'main.js');

/**
 * Runs the built CLI (or `command`) without blocking this process, which may serve the fake API
 * server; `onSpawn` gets the child (to signal it).
 */
export function runCli(
  args: string[],
  command = [process.execPath, CLI],
  onSpawn?: (child: ChildProcess) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), ...args], { env: { ...process.env, NO_COLOR: '1', KUBECONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
