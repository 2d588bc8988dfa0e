import { fail, pass } from '../control.js';
import { perLinuxContainer } from '../linux-container.js';
import { nsaCisa, pss } from '../../frameworks/refs.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const apparmorProfile = perLinuxContainer(
  {
    id: 'apparmor-profile',
    title: 'Containers must not run AppArmor Unconfined',
    severity: 'medium',
    family: 'pod-security',
    rationale:
      'On AppArmor hosts the runtime confines every container with its default profile unless told not to. An Unconfined ' +
      'appArmorProfile (or the beta annotation value "unconfined") removes that layer of mandatory access control. The Pod ' +
      'Security Standards (baseline) allow only RuntimeDefault, Localhost or unset.',
    remediation: 'Remove appArmorProfile.type: Unconfined (pod or container) and any container.apparmor.security.beta.kubernetes.io/<container>: unconfined annotation; use RuntimeDefault or a reviewed Localhost profile.',
    refs: [...nsaCisa('pod-security/linux-security-modules'), ...pss('baseline', 'apparmor')],
  },
  (container, workload) => {
    const name = container.name;
    const type = container.securityContext('appArmorProfile', 'type');
    if (type && type.value !== 'RuntimeDefault' && type.value !== 'Localhost') return fail(`container "${name}" runs with appArmorProfile.type: ${String(type.value)}`, type.path);
    const pod = workload.podField('securityContext', 'appArmorProfile', 'type');
    if (pod && pod.value !== 'RuntimeDefault' && pod.value !== 'Localhost') return fail(`the pod sets appArmorProfile.type: ${String(pod.value)} (container "${name}")`, pod.path);
    const annotation = workload.podMetadata.annotations?.[`${ANNOTATION_PREFIX}${name}`];
    if (typeof annotation === 'string' && annotation !== '' && annotation !== 'runtime/default' && !annotation.startsWith('localhost/')) {
      return fail(`container "${name}" has AppArmor annotation value "${annotation}"`, [...workload.podMetadataPath, 'annotations', `${ANNOTATION_PREFIX}${name}`]);
    }
    const profile = type?.value ?? (typeof annotation === 'string' && annotation !== '' ? annotation : undefined);
    return pass(profile ? `container "${name}" runs with AppArmor profile ${String(profile)}` : `container "${name}" keeps the runtime's default AppArmor profile`, type?.path ?? container.path);
  },
);
