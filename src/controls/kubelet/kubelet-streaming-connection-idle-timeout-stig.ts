import { durationValue } from '../../evidence/component-config/values.js';
import { stig } from '../../frameworks/refs.js';
import type { Expectation } from '../component-flag.js';
import { explicitSettingControl } from './explicit-setting.js';

const atLeastFiveMinutes = (): Expectation => ({
  wants: 'to be 5m or more',
  test: (v) => {
    const seconds = durationValue(v);
    return seconds === undefined ? undefined : seconds >= 300;
  },
});

/** STIG V-245541: "set to < 5m or the parameter is not configured ..., this is a finding". */
export const kubeletStreamingConnectionIdleTimeoutStig = explicitSettingControl({
  id: 'kubelet-streaming-connection-idle-timeout-stig',
  title: 'The kubelet must set the streaming connection idle timeout explicitly, to 5m or more',
  severity: 'medium',
  component: 'kubelet',
  flag: 'streaming-connection-idle-timeout',
  field: 'streamingConnectionIdleTimeout',
  expect: atLeastFiveMinutes(),
  fix: 'set streamingConnectionIdleTimeout: 5m (or --streaming-connection-idle-timeout=5m)',
  rationale: 'The STIG requires an explicit idle timeout on streaming connections (exec, attach, port-forward) so idle sessions are closed.',
  refs: [...stig('V-245541')],
});
