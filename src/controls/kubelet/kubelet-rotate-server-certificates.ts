import { cisEks } from '../../frameworks/cis-eks.js';
import { effectiveSetting, featureGateDefault } from '../../evidence/component-config/index.js';
import { boolValue, mapValue } from '../../evidence/component-config/values.js';
import { cis } from '../../frameworks/refs.js';
import { componentControl } from '../component-flag.js';
import { unreadConfigCheck } from './explicit-setting.js';

/**
 * CIS 4.2.11 "Verify that the RotateKubeletServerCertificate argument is set to true": the feature
 * gate must not be false. The audit says to ignore it when serverTLSBootstrap / --rotate-server-certificates
 * is true (the kubelet then requests its serving certificate from the API server).
 */
export const kubeletRotateServerCertificates = componentControl(
  {
    id: 'kubelet-rotate-server-certificates',
    title: 'The kubelet must rotate its serving certificate (RotateKubeletServerCertificate)',
    severity: 'medium',
    component: 'kubelet',
    fix: 'set featureGates: RotateKubeletServerCertificate: true (or remove RotateKubeletServerCertificate=false from --feature-gates), and serverTLSBootstrap: true',
    rationale: 'Rotating the serving certificate keeps the kubelet\'s TLS identity short-lived and signed by the cluster.',
    refs: [...cis('4.2.11'), ...cisEks('3.2.9')],
  },
  (config) => {
    const bootstrap = effectiveSetting(config, 'rotate-server-certificates');
    if (bootstrap.state === 'set' && boolValue(bootstrap.value) === true) {
      const location = bootstrap.setting.origin.location;
      return [{ status: 'pass', message: 'serverTLSBootstrap / --rotate-server-certificates is true: the kubelet rotates its serving certificate', ...(location ? { location } : {}) }];
    }
    const gates = effectiveSetting(config, 'feature-gates');
    const explicit = gates.state === 'set' ? mapValue(gates.value) : {};
    if ('RotateKubeletServerCertificate' in explicit) {
      const value = boolValue(explicit.RotateKubeletServerCertificate!);
      const location = gates.state === 'set' ? gates.setting.origin.location : undefined;
      return [{ status: value === true ? 'pass' : 'fail', message: `feature gate RotateKubeletServerCertificate is set to ${explicit.RotateKubeletServerCertificate}`, ...(location ? { location } : {}) }];
    }
    const unread = unreadConfigCheck(config, 'feature-gates', 'featureGates and serverTLSBootstrap');
    if (unread) return [unread];
    // The gate has defaulted to true since v1.12; every version CIS 1.7–1.12 covers (1.25+) has it on,
    // so an unknown version is no reason to assume it off.
    if (!config.version) return [{ status: 'pass', message: 'RotateKubeletServerCertificate is not set; it defaults to true since v1.12 (every version the CIS benchmarks cover)' }];
    const fallback = featureGateDefault('RotateKubeletServerCertificate', config.version);
    if (!fallback) return [{ status: 'manual', message: 'RotateKubeletServerCertificate is not set and its default is not known' }];
    return [{ status: fallback.value === 'true' ? 'pass' : 'fail', message: `RotateKubeletServerCertificate is not set; ${fallback.note}: ${String(fallback.value)}` }];
  },
);
