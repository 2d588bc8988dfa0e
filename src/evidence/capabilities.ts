import { asArray, type FieldPath } from './kube-object.js';
import type { ContainerView } from './workload.js';

/** A container's securityContext.capabilities, names normalized (upper case, no CAP_ prefix). */
export interface CapabilitySet {
  add: string[];
  drop: string[];
  /** The names as written: Pod Security Admission compares these literally (ALL, NET_BIND_SERVICE). */
  addRaw: string[];
  dropRaw: string[];
  /** Field paths for the line of a finding: the add/drop lists where written, else the container. */
  addPath: FieldPath;
  dropPath: FieldPath;
}

/** `cap_net_raw`, `CAP_NET_RAW` and `NET_RAW` are one capability to the container runtime. */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export function capabilitiesOf(container: ContainerView): CapabilitySet {
  const add = container.securityContext('capabilities', 'add');
  const drop = container.securityContext('capabilities', 'drop');
  const raw = (value: unknown) => asArray(value).filter((v): v is string => typeof v === 'string');
  return {
    add: raw(add?.value).map(normalizeCapability),
    drop: raw(drop?.value).map(normalizeCapability),
    addRaw: raw(add?.value),
    dropRaw: raw(drop?.value),
    addPath: add?.path ?? container.path,
    dropPath: drop?.path ?? container.path,
  };
}

/** True when the capability is dropped by name or by ALL. */
export function drops(set: CapabilitySet, capability: string): boolean {
  return set.drop.includes('ALL') || set.drop.includes(capability);
}

/** The container runtime's default set: PSS baseline lets a container add back only these. */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];
