import { fail, pass } from '../control.js';
import { perContainerImage } from '../image-template.js';
import { isValidDigest } from '../../evidence/images.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const imageTagMutable = perContainerImage(
  {
    id: 'image-tag-mutable',
    title: 'Images must name a version tag or a digest, not latest or nothing',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'An image without a tag means :latest, and :latest changes under you: a restart or a new node pulls whatever was pushed ' +
      'last, unreviewed and unscanned, and two replicas can run different code. A version tag is reproducible as long as ' +
      'nobody re-pushes it; a digest always is (see image-not-digest).',
    remediation: 'Reference the image by a version tag and, preferably, its digest: registry/app:1.4.2@sha256:<digest>.',
    refs: [...nsaCisa('pod-security/trusted-minimal-images')],
  },
  (container, image, path) => {
    const { raw } = image;
    if (image.digest !== undefined) {
      if (!isValidDigest(image.digest)) return fail(`container "${container.name}" uses image ${raw} whose digest is malformed: the pull fails`, path);
      return pass(`container "${container.name}" pins image ${raw} by digest`, path);
    }
    if (image.tag === undefined) return fail(`container "${container.name}" uses image ${raw} without a tag, which means :latest`, path);
    if (image.tag === 'latest') return fail(`container "${container.name}" uses image ${raw}, a moving tag`, path);
    return pass(`container "${container.name}" uses image ${raw}`, path);
  },
);
