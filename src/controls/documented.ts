import { INPUT_READABLE } from '../engine/input-errors.js';
import { CATALOG } from './catalog.js';
import type { ControlMeta } from './control.js';

/** Every control that can appear in a report, including the engine's own input check. */
export const DOCUMENTED_CONTROLS: readonly ControlMeta[] = [...CATALOG, INPUT_READABLE];
