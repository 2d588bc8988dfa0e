import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { numberValue } from '../../evidence/component-config/values.js';
import { cis } from '../../frameworks/refs.js';
import { flagControl, type Expectation } from '../component-flag.js';

export const portZero = (): Expectation => ({
  wants: 'to be 0 (disabled)',
  test: (v) => {
    const port = numberValue(v);
    return port === undefined ? undefined : port === 0;
  },
});

/**
 * CIS 4.2.4 "if defined, set to 0": an unset port is judged by the kubelet's default, 0 with a
 * config file (KubeletConfiguration) and 10255 with flags alone.
 */
export const kubeletReadOnlyPort = flagControl({
  id: 'kubelet-read-only-port',
  title: 'The kubelet read-only port must be disabled',
  severity: 'high',
  component: 'kubelet',
  flag: 'read-only-port',
  expect: portZero(),
  fix: 'set readOnlyPort: 0 (or --read-only-port=0)',
  rationale: 'The read-only port (10255) serves pod specs, node metrics and more without any authentication or authorization.',
  refs: [...cis('4.2.4'), ...cisEks('3.2.4'), ...eksCacRule('kubelet_read_only_port_secured')],
});
