import type { Control } from '../control.js';
import { namespaceBoundaries } from './namespace-boundaries.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';
import { namespacePodSecurityBaseline, namespacePodSecurityRestricted } from './pod-security-admission.js';
import { policyControlMechanism } from './policy-control-mechanism.js';
import { systemNamespaceWorkloads } from './system-namespace-workloads.js';
import { workloadNetworkPolicy } from './workload-network-policy.js';

/** Policy mechanisms (CIS 5.2.1), network policies (5.3.2) and namespaces (5.7.1, STIG V-242417); 5.7.4 is pod-security/default-namespace. */
export const networkControls: readonly Control[] = [
  policyControlMechanism,
  namespacePodSecurityBaseline,
  namespacePodSecurityRestricted,
  namespaceNetworkPolicy,
  workloadNetworkPolicy,
  namespaceBoundaries,
  systemNamespaceWorkloads,
];
