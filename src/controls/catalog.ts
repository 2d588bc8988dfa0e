import type { Control } from './control.js';
import { nodeFileControls } from './node-files/index.js';
import { nodeServiceControls } from './node-services/index.js';
import { podSecurityControls } from './pod-security/index.js';

/** Every control kubeharden has, in the order reports list them. */
export const CATALOG: readonly Control[] = [...podSecurityControls, ...nodeFileControls, ...nodeServiceControls];

export function findControl(id: string): Control | undefined {
  return CATALOG.find((control) => control.id === id);
}
