import { asArray, isRecord, type FieldPath } from '../../evidence/kube-object.js';
import { literalCredential } from '../../evidence/credentials.js';
import { fail, pass, perContainer } from '../control.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const credentialsInEnv = perContainer(
  {
    id: 'credentials-in-env',
    title: 'Containers must not carry literal credentials in environment variables',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A password, token or key written as env[].value is stored in plain text in the manifest, in Git, in the API server ' +
      '(readable by anyone who can read the workload) and in every copy of the spec. The check flags literal values whose ' +
      'variable name says credential (PASSWORD, TOKEN, SECRET, *_KEY …) or whose value has the shape of one (AWS key id, ' +
      'private key, bearer token, JWT). File paths, booleans and numbers are not flagged. Values are never printed.',
    remediation: 'Move the value into a Secret (or an external secret store) and mount it as a file; rotate the exposed credential.',
    refs: [...nsaCisa('network/secrets-not-in-config')],
  },
  (container) => {
    const found: string[] = [];
    let first: FieldPath | undefined;
    asArray(container.spec.env).forEach((env, index) => {
      if (!isRecord(env) || typeof env.value !== 'string' || env.valueFrom !== undefined) return;
      const name = typeof env.name === 'string' ? env.name : `env[${index}]`;
      const why = literalCredential(name, env.value);
      if (!why) return;
      found.push(`${name} (${why})`);
      first ??= [...container.path, 'env', index, 'value'];
    });
    if (found.length === 0) return pass(`container "${container.name}" has no literal credential in its environment`, container.path);
    return fail(`container "${container.name}" sets literal credentials in env: ${found.join(', ')}`, first);
  },
);
