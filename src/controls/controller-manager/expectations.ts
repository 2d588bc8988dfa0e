import { numberValue } from '../../evidence/component-config/values.js';
import type { Expectation } from '../component-flag.js';

/**
 * CIS 1.3.1: "The current setting for garbage collection is 12,500 terminated pods which might be
 * too high for your system to sustain": an explicit threshold below that default.
 */
export const gcThreshold = (): Expectation => ({
  wants: 'to be a positive threshold below the default 12500',
  test: (v) => {
    const n = numberValue(v);
    return n === undefined ? undefined : n > 0 && n < 12500;
  },
});
