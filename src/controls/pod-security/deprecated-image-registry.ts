import { fail, pass } from '../control.js';
import { perContainerImage } from '../image-template.js';
import { nsaCisa } from '../../frameworks/refs.js';

/** Registries frozen by their owners: images there receive no security updates. */
const FROZEN_REGISTRIES: Readonly<Record<string, string>> = {
  'k8s.gcr.io': 'frozen since April 2023; use registry.k8s.io',
};

export const deprecatedImageRegistry = perContainerImage(
  {
    id: 'deprecated-image-registry',
    title: 'Images must not come from frozen registries such as k8s.gcr.io',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'The Kubernetes project froze k8s.gcr.io in April 2023 and serves new images (and their security fixes) only from ' +
      'registry.k8s.io. An image still pulled from the old registry is stuck at an unpatched version, and the old registry ' +
      'may disappear.',
    remediation: 'Change the image registry from k8s.gcr.io to registry.k8s.io and move to a current, patched version.',
    refs: [...nsaCisa('upgrade/patching')],
  },
  (container, { raw, registry }, path) => {
    const why = registry !== undefined ? FROZEN_REGISTRIES[registry] : undefined;
    if (why) return fail(`container "${container.name}" pulls ${raw} from ${registry} (${why})`, path);
    return pass(`container "${container.name}" does not use a frozen registry`, path);
  },
);
