import type { Control } from '../control.js';
import { defaultNamespaceInUse } from './default-namespace.js';
import { namespaceBoundaries } from './namespace-boundaries.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';
import { namespacePodSecurityBaseline, namespacePodSecurityRestricted } from './pod-security-admission.js';
import { policyControlMechanism } from './policy-control-mechanism.js';
import { systemNamespaceWorkloads } from './system-namespace-workloads.js';
import { workloadNetworkPolicy } from './workload-network-policy.js';

/** Policy mechanisms (CIS 5.2.1), network policies (5.3) and namespaces (5.7, STIG V-242383/V-242417). */
export const networkControls: readonly Control[] = [
  policyControlMechanism,
  namespacePodSecurityBaseline,
  namespacePodSecurityRestricted,
  namespaceNetworkPolicy,
  workloadNetworkPolicy,
  namespaceBoundaries,
  defaultNamespaceInUse,
  systemNamespaceWorkloads,
];
