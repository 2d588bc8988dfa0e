import { fail, pass } from '../control.js';
import { perContainerImage } from '../image-template.js';
import { isValidDigest } from '../../evidence/images.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const imageNotDigest = perContainerImage(
  {
    id: 'image-not-digest',
    title: 'Images should be pinned by digest',
    severity: 'info',
    family: 'pod-security',
    rationale:
      'Tags are mutable: whoever can push to the repository (or compromise it) can replace what app:1.4.2 means, and the next ' +
      'pull runs it. A digest (@sha256:…) names exactly the bytes that were reviewed and scanned. A malformed digest does not ' +
      'pin anything: the registry rejects the pull. A digest is preferred, not required (NSA/CISA asks for trusted, ' +
      'patched images; a version tag meets image-tag-mutable), hence severity info: it fails only with --fail-on info.',
    remediation: 'Append the image digest: registry/app:1.4.2@sha256:<64 hex digits> (e.g. from `crane digest` or your CI), and let a bot such as Renovate update it.',
    refs: [...nsaCisa('pod-security/trusted-minimal-images')],
  },
  (container, { raw, digest }, path) => {
    if (digest === undefined) return fail(`container "${container.name}" uses image ${raw} without a digest`, path);
    if (!isValidDigest(digest)) return fail(`container "${container.name}" uses image ${raw} whose digest is malformed`, path);
    return pass(`container "${container.name}" pins image ${raw}`, path);
  },
);
