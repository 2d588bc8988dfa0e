import { versionAtLeast } from '../../evidence/component-config/index.js';
import { admissionPlugins, componentControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/**
 * CIS 1.2.12 (v1.7, v1.8; dropped from v1.9): "Ensure that the admission control plugin
 * SecurityContextDeny is set if PodSecurityPolicy is not used". The plugin was deprecated in v1.27
 * and removed in v1.30, where setting it stops the API server from starting.
 */
export const apiserverAdmissionSecurityContextDeny = componentControl(
  {
    id: 'apiserver-admission-security-context-deny',
    title: 'The SecurityContextDeny admission plugin must be enabled when PodSecurityPolicy is not used',
    severity: 'medium',
    component: 'kube-apiserver',
    fix: 'add SecurityContextDeny to --enable-admission-plugins (Kubernetes before v1.30), or enforce Pod Security Admission instead',
    rationale:
      'Without PodSecurityPolicy or SecurityContextDeny nothing stops a Pod from asking for any securityContext (SELinux options, run-as users, privilege escalation).',
    refs: [...cis({ '1.7': '1.2.12', '1.9': null })],
    notApplicable: (config) =>
      config.version && versionAtLeast(config.version, 1, 30)
        ? `the SecurityContextDeny plugin was removed in Kubernetes v1.30 (this is v${config.version.major}.${config.version.minor}); use Pod Security Admission`
        : undefined,
  },
  (config) => {
    const plugins = admissionPlugins(config);
    const on = ['SecurityContextDeny', 'PodSecurityPolicy'].filter((plugin) => plugins.enabled.has(plugin));
    const check = on.length > 0
      ? { status: 'pass' as const, message: `admission plugin ${on.join(' and ')} is enabled` }
      : { status: 'fail' as const, message: 'neither SecurityContextDeny nor PodSecurityPolicy is in the enabled admission plugins' };
    return [plugins.enableLocation ? { ...check, location: plugins.enableLocation, ...(plugins.enableLocation.path ? { path: plugins.enableLocation.path } : {}) } : check];
  },
);
