import { asArray, getPath, isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { cis, stig } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

export const secretsInEnv = perContainer(
  {
    id: 'secrets-in-env',
    title: 'Secrets must be mounted as files, not passed as environment variables',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'Environment variables leak: applications print them in logs and crash reports, child processes inherit them, they show ' +
      'in /proc/<pid>/environ and in `kubectl describe`-style tooling, and they cannot be rotated without a restart. Secrets ' +
      'mounted as files have none of these problems (CIS 5.4.1, DISA STIG V-242415).',
    remediation: 'Mount the Secret as a volume (secret or projected) and have the application read the file; remove env[].valueFrom.secretKeyRef and envFrom[].secretRef.',
    refs: [...cis('5.4.1'), ...stig('V-242415'), ...cisEks('4.4.1')],
  },
  (container) => {
    const found: string[] = [];
    let first: FieldPath | undefined;
    asArray(container.spec.env).forEach((env, index) => {
      const ref = getPath(env, ['valueFrom', 'secretKeyRef']);
      if (!isRecord(env) || !isRecord(ref)) return;
      found.push(`variable ${String(env.name)} from Secret "${String(ref.name)}" key "${String(ref.key)}"`);
      first ??= [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'];
    });
    asArray(container.spec.envFrom).forEach((source, index) => {
      const ref = getPath(source, ['secretRef']);
      if (!isRecord(source) || !isRecord(ref)) return;
      found.push(`every key of Secret "${String(ref.name)}"${typeof source.prefix === 'string' ? ` (prefix ${source.prefix})` : ''} through envFrom`);
      first ??= [...container.path, 'envFrom', index, 'secretRef'];
    });
    if (found.length === 0) return pass(`container "${container.name}" takes no Secret into its environment`, container.path);
    return fail(`container "${container.name}" takes Secrets into its environment: ${found.join('; ')}`, first);
  },
);
