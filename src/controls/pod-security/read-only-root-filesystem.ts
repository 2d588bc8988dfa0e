import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { nsaCisa } from '../../frameworks/refs.js';

export const readOnlyRootFilesystem = perLinuxContainer(
  {
    id: 'read-only-root-filesystem',
    title: 'Containers must run with a read-only root filesystem',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution download tools, modify binaries and persist for ' +
      'the container\'s lifetime. An immutable filesystem, with emptyDir volumes only where the application must write, ' +
      'stops that (NSA/CISA "Immutable container file systems").',
    remediation: 'Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir at each path it must write (e.g. /tmp).',
    refs: [...nsaCisa('pod-security/immutable-filesystem')],
  },
  (container) => {
    const readOnly = container.securityContext('readOnlyRootFilesystem');
    if (readOnly?.value === true) return pass(`container "${container.name}" has a read-only root filesystem`, readOnly.path);
    if (readOnly) return fail(`container "${container.name}" sets readOnlyRootFilesystem: ${String(readOnly.value)}`, readOnly.path);
    return fail(`container "${container.name}" does not set readOnlyRootFilesystem: true, so its root filesystem is writable`, container.path);
  },
);
