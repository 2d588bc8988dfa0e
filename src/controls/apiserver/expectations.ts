import { numberValue } from '../../evidence/component-config/values.js';
import type { Expectation } from '../component-flag.js';

/** A TCP port that is served: an integer other than 0 (CIS 1.2.16 v1.7, STIG V-242389). */
export const nonZeroPort = (): Expectation => ({
  wants: 'to be a port other than 0',
  test: (v) => {
    const port = numberValue(v);
    return port === undefined ? undefined : port !== 0;
  },
});
