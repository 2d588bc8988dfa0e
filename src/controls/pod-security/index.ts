import type { Control } from '../control.js';
import { addedCapabilities } from './added-capabilities.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { apparmorProfile } from './apparmor-profile.js';
import { capabilitiesNotDropped } from './capabilities-not-dropped.js';
import { cpuRequestsLimits } from './cpu-requests-limits.js';
import { credentialsInConfigmap } from './credentials-in-configmap.js';
import { credentialsInEnv } from './credentials-in-env.js';
import { defaultServiceAccount } from './default-service-account.js';
import { deprecatedImageRegistry } from './deprecated-image-registry.js';
import { deprecatedServiceAccountField } from './deprecated-service-account-field.js';
import { hostIpc } from './host-ipc.js';
import { hostNetwork } from './host-network.js';
import { hostPathSensitive } from './host-path-sensitive.js';
import { hostPathVolume } from './host-path-volume.js';
import { hostPid } from './host-pid.js';
import { hostPort } from './host-port.js';
import { hostProbesLifecycle } from './host-probes-lifecycle.js';
import { imageNotDigest } from './image-not-digest.js';
import { imageTagMutable } from './image-tag-mutable.js';
import { memoryRequestsLimits } from './memory-requests-limits.js';
import { netRawCapability } from './net-raw-capability.js';
import { privilegedContainer } from './privileged-container.js';
import { procMount } from './proc-mount.js';
import { pssBaselineSeccomp } from './pss-baseline-seccomp.js';
import { pssRestrictedCapabilities } from './pss-restricted-capabilities.js';
import { pssRestrictedRunAsNonRoot } from './pss-restricted-run-as-non-root.js';
import { pssRestrictedRunAsUser } from './pss-restricted-run-as-user.js';
import { pssRestrictedSeccomp } from './pss-restricted-seccomp.js';
import { pssRestrictedVolumeTypes } from './pss-restricted-volume-types.js';
import { readOnlyRootFilesystem } from './read-only-root-filesystem.js';
import { rootContainer } from './root-container.js';
import { rootGroup } from './root-group.js';
import { seccompProfile } from './seccomp-profile.js';
import { secretsInEnv } from './secrets-in-env.js';
import { securityContextMissing } from './security-context-missing.js';
import { selinuxOptionsUnsafe } from './selinux-options-unsafe.js';
import { unsafeSysctls } from './unsafe-sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

/** In CIS 5.2 order, then the other CIS items, NSA/CISA, and the Pod Security Standards-only rules. */
export const podSecurityControls: readonly Control[] = [
  privilegedContainer,
  hostPid,
  hostIpc,
  hostNetwork,
  allowPrivilegeEscalation,
  rootContainer,
  netRawCapability,
  addedCapabilities,
  capabilitiesNotDropped,
  windowsHostProcess,
  hostPathVolume,
  hostPathSensitive,
  hostPort,
  defaultServiceAccount,
  deprecatedServiceAccountField,
  secretsInEnv,
  credentialsInEnv,
  credentialsInConfigmap,
  seccompProfile,
  securityContextMissing,
  rootGroup,
  readOnlyRootFilesystem,
  cpuRequestsLimits,
  memoryRequestsLimits,
  imageTagMutable,
  imageNotDigest,
  deprecatedImageRegistry,
  apparmorProfile,
  selinuxOptionsUnsafe,
  procMount,
  unsafeSysctls,
  hostProbesLifecycle,
  pssBaselineSeccomp,
  pssRestrictedSeccomp,
  pssRestrictedCapabilities,
  pssRestrictedRunAsNonRoot,
  pssRestrictedRunAsUser,
  pssRestrictedVolumeTypes,
];
