import type { Control } from '../control.js';
import { eksApprovedRegistries } from './approved-registries.js';
import { eksAuditLogging } from './audit-logging.js';
import { eksClusterAdminAccess } from './cluster-admin-access.js';
import { eksDedicatedServiceAccounts } from './dedicated-service-accounts.js';
import { eksEcrAccessMinimized } from './ecr-access-minimized.js';
import { eksEcrImageScanning } from './ecr-image-scanning.js';
import { eksEcrReadOnlyNodeAccess } from './ecr-read-only-node-access.js';
import { eksEndpointAccessRestricted } from './endpoint-access-restricted.js';
import { eksEndpointPrivate } from './endpoint-private.js';
import { eksFargateUntrustedWorkloads } from './fargate-untrusted-workloads.js';
import { eksIamUserManagement } from './iam-user-management.js';
import { eksLoadBalancerTls } from './load-balancer-tls.js';
import { eksNetworkPolicyEnforcement } from './network-policy-enforcement.js';
import { eksPrivateNodes } from './private-nodes.js';
import { eksSecretsKmsEncryption } from './secrets-kms-encryption.js';

/** The Amazon EKS controls, in the order of the ComplianceAsCode EKS guide. */
export const eksControls: readonly Control[] = [
  eksDedicatedServiceAccounts,
  eksIamUserManagement,
  eksClusterAdminAccess,
  eksFargateUntrustedWorkloads,
  eksAuditLogging,
  eksNetworkPolicyEnforcement,
  eksLoadBalancerTls,
  eksEndpointAccessRestricted,
  eksEndpointPrivate,
  eksPrivateNodes,
  eksApprovedRegistries,
  eksEcrImageScanning,
  eksEcrReadOnlyNodeAccess,
  eksEcrAccessMinimized,
  eksSecretsKmsEncryption,
];
