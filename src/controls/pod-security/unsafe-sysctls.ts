import { asArray, isRecord } from '../../evidence/kube-object.js';
import { fail, pass, perPod } from '../control.js';
import { pss } from '../../frameworks/refs.js';

/** The Pod Security Standards' safe sysctls, with the Kubernetes version that added each (k8s.io/pod-security-admission). */
const SAFE_SYSCTLS: Readonly<Record<string, string>> = {
  'kernel.shm_rmid_forced': '1.0',
  'net.ipv4.ip_local_port_range': '1.0',
  'net.ipv4.tcp_syncookies': '1.0',
  'net.ipv4.ping_group_range': '1.0',
  'net.ipv4.ip_unprivileged_port_start': '1.0',
  'net.ipv4.ip_local_reserved_ports': '1.27',
  'net.ipv4.tcp_keepalive_time': '1.29',
  'net.ipv4.tcp_fin_timeout': '1.29',
  'net.ipv4.tcp_keepalive_intvl': '1.29',
  'net.ipv4.tcp_keepalive_probes': '1.29',
  'net.ipv4.tcp_rmem': '1.32',
  'net.ipv4.tcp_wmem': '1.32',
};

export const unsafeSysctls = perPod(
  {
    id: 'unsafe-sysctls',
    title: 'Pods must set only safe (namespaced, isolated) sysctls',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'Sysctls outside the safe set are either not namespaced (they change the whole node) or can starve other pods of ' +
      'kernel resources. The Pod Security Standards (baseline) allow only the safe set: ' +
      `${Object.keys(SAFE_SYSCTLS).join(', ')} (several only from a given Kubernetes version; a namespace pinned to an older ` +
      'pod-security version rejects them).',
    remediation: 'Remove the unsafe entries from spec.securityContext.sysctls; tune the node itself (or a dedicated node pool) where the setting is really needed.',
    refs: [...pss('baseline', 'sysctls')],
  },
  (workload) => {
    const sysctls = workload.podField('securityContext', 'sysctls');
    const names = asArray(sysctls?.value).map((s) => (isRecord(s) && typeof s.name === 'string' ? s.name : String(s)));
    if (!sysctls || names.length === 0) return pass('the pod sets no sysctls', workload.podSpecPath);
    const unsafe = names.filter((n) => SAFE_SYSCTLS[n] === undefined);
    if (unsafe.length > 0) {
      const index = names.findIndex((n) => SAFE_SYSCTLS[n] === undefined);
      return fail(`the pod sets unsafe sysctl${unsafe.length > 1 ? 's' : ''} ${unsafe.join(', ')}`, [...sysctls.path, index]);
    }
    const recent = names.filter((n) => SAFE_SYSCTLS[n] !== '1.0').map((n) => `${n} (safe since Kubernetes ${SAFE_SYSCTLS[n]})`);
    return pass(`the pod sets only safe sysctls: ${names.join(', ')}${recent.length ? `; note ${recent.join(', ')}` : ''}`, sysctls.path);
  },
);
