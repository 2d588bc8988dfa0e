import type { Control } from './control.js';
import { networkControls } from './network/index.js';
import { podSecurityControls } from './pod-security/index.js';
import { rbacControls } from './rbac/index.js';

/** Every control kubeharden has, in the order reports list them. */
export const CATALOG: readonly Control[] = [...podSecurityControls, ...rbacControls, ...networkControls];

export function findControl(id: string): Control | undefined {
  return CATALOG.find((control) => control.id === id);
}
