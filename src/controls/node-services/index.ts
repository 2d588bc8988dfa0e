import type { Control } from '../control.js';
import { workerSshdNotEnabled } from './worker-sshd-not-enabled.js';
import { workerSshdNotRunning } from './worker-sshd-not-running.js';

/** Services on the node (STIG V-242393, V-242394). */
export const nodeServiceControls: readonly Control[] = [workerSshdNotRunning, workerSshdNotEnabled];
