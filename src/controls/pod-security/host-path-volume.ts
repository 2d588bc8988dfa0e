import { fail, pass, perPod } from '../control.js';
import { describeHostPath, hostPathVolumes } from '../../evidence/volumes.js';
import { cis, nsaCisa, pss } from '../../frameworks/refs.js';

export const hostPathVolume = perPod(
  {
    id: 'host-path-volume',
    title: 'Pods must not mount hostPath volumes',
    severity: 'high',
    family: 'pod-security',
    rationale:
      'A hostPath volume exposes the node\'s filesystem to the container. Written to, it can plant files the node executes or ' +
      'trusts; read, it leaks node credentials and other pods\' data. Even read-only mounts leak, and symlink bugs ' +
      '(CVE-2021-25741) have turned them into writes.',
    remediation: 'Replace hostPath volumes with emptyDir, configMap, secret, projected or persistentVolumeClaim volumes; where a node agent truly needs host files, mount the narrowest path read-only and isolate the workload in its own namespace.',
    refs: [...cis({ '1.7': '5.2.12', '1.12': '5.2.11' }), ...nsaCisa('pod-security/host-path'), ...pss('baseline', 'host-path')],
  },
  (workload) => {
    const volumes = hostPathVolumes(workload);
    if (volumes.length === 0) return pass('the pod has no hostPath volume', workload.podField('volumes')?.path ?? workload.podSpecPath);
    return fail(`the pod mounts ${volumes.map(describeHostPath).join('; ')}`, [...volumes[0]!.path, 'hostPath']);
  },
);
