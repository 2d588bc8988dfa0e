import { cisEks } from '../../frameworks/cis-eks.js';
import { cis } from '../../frameworks/refs.js';
import { componentControl, judgeFlag, positiveDuration } from '../component-flag.js';
import { configFileZeroDuration } from './explicit-setting.js';

/**
 * CIS 4.2.5: not 0. A `streamingConnectionIdleTimeout: 0s` in the config file (kubeadm writes it)
 * is not "no timeout": the kubelet defaults a zero duration field to 4h0m0s
 * (kubelet.config.k8s.io/v1beta1 SetDefaults_KubeletConfiguration).
 */
export const kubeletStreamingConnectionIdleTimeout = componentControl(
  {
    id: 'kubelet-streaming-connection-idle-timeout',
    title: 'The kubelet must not disable the streaming connection idle timeout',
    severity: 'medium',
    component: 'kubelet',
    fix: 'set streamingConnectionIdleTimeout: 5m (or --streaming-connection-idle-timeout=5m), never 0',
    rationale: 'Without an idle timeout, exec, attach and port-forward streams stay open forever, exhausting the node and keeping abandoned sessions alive.',
    refs: [...cis('4.2.5'), ...cisEks('3.2.5')],
  },
  (config) => {
    if (configFileZeroDuration(config, 'streaming-connection-idle-timeout')) {
      const setting = config.settings.get('streaming-connection-idle-timeout')!;
      const location = setting.origin.location;
      return [{ status: 'pass', message: 'streamingConnectionIdleTimeout is 0s in the config file, which the kubelet replaces with its default 4h0m0s', ...(location ? { location } : {}) }];
    }
    return [judgeFlag(config, 'streaming-connection-idle-timeout', positiveDuration())];
  },
);

