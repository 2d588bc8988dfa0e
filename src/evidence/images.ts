/** An image reference split as the container runtime reads it: [registry/]repository[:tag][@digest]. */
export interface ImageReference {
  raw: string;
  /** Registry host, or undefined for Docker Hub short names. */
  registry: string | undefined;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageReference(raw: string): ImageReference {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash is a tag; before it, a registry port (registry:5000/app).
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const firstSlash = rest.indexOf('/');
  const first = firstSlash >= 0 ? rest.slice(0, firstSlash) : '';
  // Docker's rule: the first component is a registry when it has a dot or a port, or is localhost.
  const registry = first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  return { raw, registry, repository: registry ? rest.slice(firstSlash + 1) : rest, tag, digest };
}

/** Registered digest algorithms and their exact hex lengths (OCI image spec, descriptor digests). */
const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha512: 128, blake3: 64 };
const ALGORITHM = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
const ENCODED = /^[a-zA-Z0-9=_-]+$/;

/**
 * Whether a digest is well-formed per the OCI grammar `algorithm:encoded`. Registered algorithms
 * must be lowercase hex of their exact length; other algorithms only need to match the grammar.
 */
export function isValidDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  if (colon <= 0) return false;
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  if (!ALGORITHM.test(algorithm) || !ENCODED.test(encoded)) return false;
  const length = DIGEST_HEX_LENGTHS[algorithm];
  return length === undefined || new RegExp(`^[a-f0-9]{${length}}$`).test(encoded);
}
