import type { Control } from './control.js';
import { eksControls } from './eks/index.js';
import { podSecurityControls } from './pod-security/index.js';

/** Every control kubeharden has, in the order reports list them. */
export const CATALOG: readonly Control[] = [...podSecurityControls, ...eksControls];

export function findControl(id: string): Control | undefined {
  return CATALOG.find((control) => control.id === id);
}
