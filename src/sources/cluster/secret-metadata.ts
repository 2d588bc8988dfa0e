import { isRecord, type KubeObject } from '../../evidence/kube-object.js';

/** `kubectl apply` copies the whole object, data included, into this annotation. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const REDACTED = '(redacted by kubeharden: this annotation holds the secret data)';

/**
 * A Secret reduced to its metadata, whatever it came as (a PartialObjectMetadata list item or a
 * full object from a kubectl dump): data, stringData and the last-applied copy of them are never
 * kept, so no report or snapshot can carry a secret value.
 */
export function metadataOnlySecret(object: KubeObject): KubeObject {
  const metadata = isRecord(object.metadata) ? { ...object.metadata } : {};
  if (isRecord(metadata.annotations) && LAST_APPLIED_ANNOTATION in metadata.annotations) {
    metadata.annotations = { ...metadata.annotations, [LAST_APPLIED_ANNOTATION]: REDACTED };
  }
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata };
  // `type` is not metadata; it is kept when a full object (a kubectl dump) carries it.
  if (typeof object.type === 'string') secret.type = object.type;
  return secret;
}

/** managedFields is server bookkeeping: large, and no control reads it. */
export function withoutManagedFields(object: KubeObject): KubeObject {
  if (!isRecord(object.metadata) || !('managedFields' in object.metadata)) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}
