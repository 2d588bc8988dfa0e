import { asArray } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const rootGroup = perContainer(
  {
    id: 'root-group',
    title: 'Containers must not run with the root group',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'GID 0 gives read and often write access to every file owned by the root group, in the image and on mounted volumes. ' +
      'runAsGroup: 0, fsGroup: 0 or a supplemental group 0 put the container in it explicitly.',
    remediation: 'Use a non-zero runAsGroup and fsGroup, and remove 0 from spec.securityContext.supplementalGroups.',
    refs: [...nsaCisa('pod-security/non-root')],
  },
  (container, workload) => {
    const name = container.name;
    const group = container.securityContext('runAsGroup');
    if (group !== undefined && Number(group.value) === 0) return fail(`container "${name}" runs with runAsGroup: 0`, group.path);
    const fsGroup = workload.podField('securityContext', 'fsGroup');
    if (fsGroup !== undefined && Number(fsGroup.value) === 0) return fail(`the pod sets fsGroup: 0, so container "${name}" is in the root group`, fsGroup.path);
    const supplemental = workload.podField('securityContext', 'supplementalGroups');
    const index = asArray(supplemental?.value).findIndex((g) => Number(g) === 0);
    if (supplemental && index >= 0) return fail(`the pod lists supplemental group 0, so container "${name}" is in the root group`, [...supplemental.path, index]);
    return pass(`container "${name}" is not given the root group explicitly`, group?.path ?? container.path);
  },
);
