import { isRecord } from '../../evidence/kube-object.js';
import { credentialPropertiesIn, credentialValue, literalCredential } from '../../evidence/credentials.js';
import { fail, pass, type Check, type ObjectControl } from '../control.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const credentialsInConfigmap: ObjectControl = {
  id: 'credentials-in-configmap',
  title: 'ConfigMaps must not hold credentials',
  severity: 'high',
  family: 'pod-security',
  rationale:
    'ConfigMaps are not secret: they are readable by anyone with read access to the namespace, are never encrypted at rest, ' +
    'and end up in Git and in logs. A password, token or key in one is exposed to all of them. The check flags keys named ' +
    'like credentials with literal values (PASSWORD, TOKEN, SECRET, *_KEY …), values shaped like credentials (AWS key ids, ' +
    'private keys, bearer tokens, JWTs) and credential-like key=value lines inside file-like values. File paths, booleans ' +
    'and numbers are not flagged. Values are never printed.',
  remediation: 'Move the credential into a Secret (or an external secret store), mount it as a file, and rotate it.',
  refs: [...nsaCisa('network/secrets-not-in-config')],
  scope: 'object',
  kinds: ['ConfigMap'],
  evaluate({ object }): Check[] {
    const data = isRecord(object.data) ? object.data : {};
    const found: string[] = [];
    let first: string | undefined;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      // A file-like value (application.properties, config.yaml): judge its shape, then its entries.
      const fileLike = value.includes('\n');
      const shape = credentialValue(value);
      const inner = fileLike && !shape ? credentialPropertiesIn(value) : [];
      const why = shape ? `its value looks like ${shape}` : fileLike ? undefined : literalCredential(key, value);
      if (why) found.push(`${key} (${why})`);
      else if (inner.length > 0) found.push(`${key} (credential-like entries ${inner.join(', ')})`);
      else continue;
      first ??= key;
    }
    if (found.length === 0) return [pass('the ConfigMap holds no credential-like data', ['data'])];
    return [fail(`the ConfigMap holds credential-like data: ${found.join('; ')}`, ['data', first!])];
  },
};
