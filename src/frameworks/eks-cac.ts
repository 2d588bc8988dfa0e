import type { Ref } from './refs.js';

/**
 * The 17 rules of the ComplianceAsCode "Guide to the Secure Configuration of Amazon Elastic
 * Kubernetes Service" (../shared/seeds/complianceascode-eks-secure-configuration.txt), in the
 * guide's order. `id` is the short rule id the `eks-cac` framework uses; CCE ids as the guide
 * prints them (the two kubelet rules and the namespace network policy rule have none there).
 */
export const EKS_CAC_RULES = [
  { id: 'dedicated_service_accounts', title: 'Use Dedicated Service Accounts', cce: 'CCE-87818-1' },
  { id: 'iam_integration', title: 'Manage Users with AWS IAM', cce: 'CCE-86301-9' },
  { id: 'fargate', title: 'Consider Fargate for Untrusted Workloads', cce: 'CCE-89091-3' },
  { id: 'kubelet_configure_client_ca', title: 'kubelet - Configure the Client CA Certificate' },
  { id: 'kubelet_read_only_port_secured', title: 'kubelet - Ensure that the --read-only-port is secured' },
  { id: 'audit_logging', title: 'Ensure Audit Logging is Enabled', cce: 'CCE-87445-3' },
  { id: 'configure_network_policies_namespaces', title: 'Ensure that application Namespaces have Network Policies defined.' },
  { id: 'configure_network_policy', title: 'Ensure Network Policy is Enabled', cce: 'CCE-88207-6' },
  { id: 'configure_tls', title: 'Encrypt Traffic to Load Balancers and Workloads', cce: 'CCE-89133-3' },
  { id: 'control_plane_access', title: 'Restrict Access to the Control Plane Endpoint', cce: 'CCE-86182-3' },
  { id: 'endpoint_configuration', title: 'Ensure Private Endpoint Access', cce: 'CCE-88813-1' },
  { id: 'private_nodes', title: 'Ensure Cluster Private Nodes', cce: 'CCE-88669-7' },
  { id: 'approved_registries', title: 'Only use approved container registries', cce: 'CCE-86901-6' },
  { id: 'image_scanning', title: 'Ensure Image Vulnerability Scanning', cce: 'CCE-88990-7' },
  { id: 'read_only_registry_access', title: 'Ensure Cluster Service Account with read-only access to Amazon ECR', cce: 'CCE-86681-4' },
  { id: 'registry_access', title: 'Minimize user access to Amazon ECR', cce: 'CCE-89643-1' },
  { id: 'secret_encryption', title: 'Ensure Kubernetes Secrets are Encrypted', cce: 'CCE-90708-9' },
] as const satisfies readonly { id: string; title: string; cce?: string }[];

export type EksCacRuleId = (typeof EKS_CAC_RULES)[number]['id'];

/** The full XCCDF rule id of a short ComplianceAsCode id. */
export function xccdfRuleId(id: EksCacRuleId): string {
  return `xccdf_org.ssgproject.content_rule_${id}`;
}

/** The `eks-cac` ref of a rule, with its CCE id (framework `cce`) where the guide gives one. */
export function eksCacRule(id: EksCacRuleId): Ref[] {
  const rule: { id: string; cce?: string } | undefined = EKS_CAC_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no ComplianceAsCode EKS rule ${id}`);
  return rule.cce ? [{ framework: 'eks-cac', id }, { framework: 'cce', id: rule.cce }] : [{ framework: 'eks-cac', id }];
}
