import type { FieldPath } from '../evidence/kube-object.js';
import { parseImageReference, type ImageReference } from '../evidence/images.js';
import type { ContainerView } from '../evidence/workload.js';
import { notApplicable, perContainer, type Check, type ControlMeta, type WorkloadControl } from './control.js';

/** perContainer for checks on the image reference; a container without one gets not-applicable. */
export function perContainerImage(
  meta: ControlMeta,
  check: (container: ContainerView, image: ImageReference, path: FieldPath) => Omit<Check, 'container'>,
): WorkloadControl {
  return perContainer(meta, (container) => {
    const raw = container.spec.image;
    if (typeof raw !== 'string' || raw.trim() === '') {
      return notApplicable(`container "${container.name}" names no image (the API server rejects it without one)`, container.path);
    }
    return check(container, parseImageReference(raw), [...container.path, 'image']);
  });
}
