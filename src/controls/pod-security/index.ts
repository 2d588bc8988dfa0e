import type { Control } from '../control.js';
import { privilegedContainer } from './privileged-container.js';

export const podSecurityControls: readonly Control[] = [privilegedContainer];
