import type { Control } from '../control.js';
import { rbacApproveCsr } from './approve-csr.js';
import { rbacBindEscalateImpersonate } from './bind-escalate-impersonate.js';
import { rbacClusterAdminBinding } from './cluster-admin-binding.js';
import { rbacCreatePersistentVolumes } from './create-persistent-volumes.js';
import { rbacCreatePods } from './create-pods.js';
import { rbacCreateServiceAccountToken } from './create-service-account-token.js';
import { defaultServiceAccountAutomount } from './default-service-account-automount.js';
import { defaultServiceAccountBound } from './default-service-account-bound.js';
import { rbacNodesProxy } from './nodes-proxy.js';
import { rbacRoleWildcards } from './role-wildcards.js';
import { rbacSecretsAccess } from './secrets-access.js';
import { serviceAccountTokenAutomount } from './service-account-token-automount.js';
import { rbacSystemMasters } from './system-masters.js';
import { rbacWebhookConfigurations } from './webhook-configurations.js';
import { workloadServiceAccountExists } from './workload-service-account-exists.js';

/** CIS 5.1 (RBAC and service accounts), in benchmark order. */
export const rbacControls: readonly Control[] = [
  rbacClusterAdminBinding,
  rbacSecretsAccess,
  rbacRoleWildcards,
  rbacCreatePods,
  defaultServiceAccountBound,
  defaultServiceAccountAutomount,
  serviceAccountTokenAutomount,
  rbacSystemMasters,
  rbacBindEscalateImpersonate,
  rbacCreatePersistentVolumes,
  rbacNodesProxy,
  rbacApproveCsr,
  rbacWebhookConfigurations,
  rbacCreateServiceAccountToken,
  workloadServiceAccountExists,
];
