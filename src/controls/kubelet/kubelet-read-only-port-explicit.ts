import { stig } from '../../frameworks/refs.js';
import { explicitSettingControl } from './explicit-setting.js';
import { portZero } from './kubelet-read-only-port.js';

/** STIG V-242387: "If --read-only-port=0 does not exist ... and readOnlyPort=0 does not exist ..., this is a finding." */
export const kubeletReadOnlyPortExplicit = explicitSettingControl({
  id: 'kubelet-read-only-port-explicit',
  title: 'The kubelet must have the read-only port explicitly set to 0',
  severity: 'high',
  component: 'kubelet',
  flag: 'read-only-port',
  field: 'readOnlyPort',
  expect: portZero(),
  fix: 'write readOnlyPort: 0 (or --read-only-port=0)',
  rationale: 'The STIG requires the read-only port to be disabled by an explicit setting, not by relying on a default that differs between the flag (10255) and the config file (0).',
  refs: [...stig('V-242387')],
});
