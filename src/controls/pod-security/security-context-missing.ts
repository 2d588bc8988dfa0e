import { isRecord } from '../../evidence/kube-object.js';
import { fail, pass, perContainer } from '../control.js';
import { cis } from '../../frameworks/refs.js';
import { cisEks } from '../../frameworks/cis-eks.js';

const isSet = (value: unknown) => isRecord(value) && Object.keys(value).length > 0;

export const securityContextMissing = perContainer(
  {
    id: 'security-context-missing',
    title: 'Pods and containers must have a security context',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'A container with no securityContext, in a pod with none, runs with every runtime default: as the image\'s user (often ' +
      'root), with privilege escalation allowed, a writable root filesystem, the default capability set and no seccomp ' +
      'profile. The other pod-security controls say which settings matter; this one flags containers where none was even considered.',
    remediation: 'Add a securityContext to the pod (runAsNonRoot, runAsUser, seccompProfile) and to each container (allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities.drop: [ALL]).',
    refs: [...cis({ '1.7': '5.7.3', '1.11': '5.6.3' }), ...cisEks({ '1.5.0': '4.5.2', '1.7.0': null })],
  },
  (container, workload) => {
    const own = container.spec.securityContext;
    if (isSet(own)) return pass(`container "${container.name}" has a securityContext`, [...container.path, 'securityContext']);
    const pod = workload.podField('securityContext');
    if (isSet(pod?.value)) return pass(`container "${container.name}" has no securityContext of its own but the pod has one`, pod!.path);
    return fail(`neither container "${container.name}" nor its pod sets a securityContext`, container.path);
  },
);
