import { fail, pass, perPod } from '../control.js';
import { volumesOf } from '../../evidence/volumes.js';
import { pss } from '../../frameworks/refs.js';

/** Volume sources the restricted profile allows (image since Kubernetes v1.33). */
const ALLOWED_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'image'];

export const pssRestrictedVolumeTypes = perPod(
  {
    id: 'pss-restricted-volume-types',
    title: 'Pod Security Standards restricted: only core volume types',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'The restricted profile allows only volume types that do not expose the node or need privileged mounts: ' +
      `${ALLOWED_SOURCES.join(', ')}. Other storage must come through a PersistentVolumeClaim, where an administrator controls the PersistentVolume.`,
    remediation: 'Replace hostPath, nfs, iscsi, gitRepo and other in-line volume sources with a persistentVolumeClaim (or an emptyDir, configMap, secret or projected volume).',
    refs: [...pss('restricted', 'volume-types')],
  },
  (workload) => {
    const volumes = volumesOf(workload);
    const bad = volumes.filter((v) => v.source === undefined || !ALLOWED_SOURCES.includes(v.source));
    if (bad.length > 0) {
      return fail(`the pod uses volume type${bad.length > 1 ? 's' : ''} not allowed by restricted: ${bad.map((v) => `"${v.name}" (${v.source ?? 'no source'})`).join(', ')}`, bad[0]!.path);
    }
    return pass(volumes.length ? `the pod uses only allowed volume types (${[...new Set(volumes.map((v) => v.source))].join(', ')})` : 'the pod has no volumes', workload.podField('volumes')?.path ?? workload.podSpecPath);
  },
);
