import { isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { nsaCisa, pss } from '../../frameworks/refs.js';

/** SELinux types the Pod Security Standards (baseline) allow; container_engine_t since Kubernetes v1.31. */
const ALLOWED_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

function problems(options: unknown): string[] {
  if (!isRecord(options)) return [];
  const found: string[] = [];
  if (typeof options.type === 'string' && options.type !== '' && !ALLOWED_TYPES.includes(options.type)) found.push(`type ${options.type}`);
  if (typeof options.user === 'string' && options.user !== '') found.push(`user ${options.user}`);
  if (typeof options.role === 'string' && options.role !== '') found.push(`role ${options.role}`);
  return found;
}

export const selinuxOptionsUnsafe = perLinuxContainer(
  {
    id: 'selinux-options-unsafe',
    title: 'SELinux options must not set a custom user, role or unconfined type',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The container runtime labels containers with a confined SELinux type (container_t). Setting seLinuxOptions.type to ' +
      'anything else (spc_t, unconfined_t …), or a custom user or role, can lift that confinement. The Pod Security ' +
      `Standards (baseline) allow only the types ${ALLOWED_TYPES.join(', ')} (the last since v1.31) and no user or role; level is free.`,
    remediation: 'Remove seLinuxOptions.user and seLinuxOptions.role, and set seLinuxOptions.type only to container_t, container_init_t, container_kvm_t or container_engine_t (or leave it unset).',
    refs: [...nsaCisa('pod-security/linux-security-modules'), ...pss('baseline', 'selinux')],
  },
  (container, workload) => {
    const name = container.name;
    const ownPath: FieldPath = [...container.path, 'securityContext', 'seLinuxOptions'];
    const own = problems(isRecord(container.spec.securityContext) ? container.spec.securityContext.seLinuxOptions : undefined);
    if (own.length > 0) return fail(`container "${name}" sets seLinuxOptions ${own.join(', ')}`, ownPath);
    const podOptions = workload.podField('securityContext', 'seLinuxOptions');
    const pod = problems(podOptions?.value);
    if (pod.length > 0) return fail(`the pod sets seLinuxOptions ${pod.join(', ')} (container "${name}")`, podOptions!.path);
    return pass(`container "${name}" has no unsafe SELinux options`, container.securityContext('seLinuxOptions')?.path ?? container.path);
  },
);
