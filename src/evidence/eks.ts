import type { SourcedObject } from './kube-object.js';

/*
 * What kubeharden knows about one Amazon EKS cluster. The shapes are those the AWS APIs return
 * (the AWS CLI prints the same field names; EKS and ECR are camelCase, EC2 is PascalCase), cut down
 * to the fields the controls read. Every piece is an Evidence: seen, never collected, or failed.
 */

/** One piece of evidence: `present` (with where it came from), `absent` (not collected), `error` (could not be read). */
export type Evidence<T> =
  | { state: 'present'; value: T; source: string }
  | { state: 'absent'; need: string }
  | { state: 'error'; message: string };

export const present = <T>(value: T, source: string): Evidence<T> => ({ state: 'present', value, source });
export const absent = <T>(need: string): Evidence<T> => ({ state: 'absent', need });
export const evidenceError = <T>(message: string): Evidence<T> => ({ state: 'error', message });

export interface EksClusterDescription {
  name: string;
  arn?: string;
  version?: string;
  status?: string;
  resourcesVpcConfig?: {
    subnetIds?: string[];
    endpointPublicAccess?: boolean;
    endpointPrivateAccess?: boolean;
    publicAccessCidrs?: string[];
  };
  logging?: { clusterLogging?: { types?: string[]; enabled?: boolean }[] };
  encryptionConfig?: { resources?: string[]; provider?: { keyArn?: string } }[];
  accessConfig?: { authenticationMode?: string; bootstrapClusterCreatorAdminPermissions?: boolean };
  computeConfig?: { enabled?: boolean };
  identity?: { oidc?: { issuer?: string } };
}

export interface Nodegroup {
  nodegroupName: string;
  clusterName?: string;
  nodeRole?: string;
  subnets?: string[];
  amiType?: string;
  launchTemplate?: { name?: string; version?: string; id?: string };
  remoteAccess?: { ec2SshKey?: string; sourceSecurityGroups?: string[] };
}

export interface LaunchTemplateVersion {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
  DefaultVersion?: boolean;
  LaunchTemplateData?: {
    NetworkInterfaces?: { AssociatePublicIpAddress?: boolean; DeviceIndex?: number; SubnetId?: string }[];
    MetadataOptions?: { HttpTokens?: string; HttpPutResponseHopLimit?: number; HttpEndpoint?: string };
    UserData?: string;
  };
}

export interface Subnet {
  SubnetId: string;
  MapPublicIpOnLaunch?: boolean;
  VpcId?: string;
}

export interface FargateProfile {
  fargateProfileName: string;
  clusterName?: string;
  status?: string;
  selectors?: { namespace?: string; labels?: Record<string, string> }[];
  subnets?: string[];
}

export interface EcrRepository {
  repositoryName: string;
  repositoryArn?: string;
  registryId?: string;
  imageTagMutability?: string;
  imageScanningConfiguration?: { scanOnPush?: boolean };
}

export interface RegistryScanningConfiguration {
  scanType?: string;
  rules?: { scanFrequency?: string; repositoryFilters?: { filter?: string; filterType?: string }[] }[];
}

export interface AccessEntry {
  principalArn: string;
  clusterName?: string;
  kubernetesGroups?: string[];
  type?: string;
  username?: string;
}

export interface AssociatedAccessPolicy {
  policyArn?: string;
  accessScope?: { type?: string; namespaces?: string[] };
}

export interface IdentityProviderConfig {
  type?: string;
  name?: string;
}

export interface PodIdentityAssociation {
  namespace?: string;
  serviceAccount?: string;
  associationId?: string;
  clusterName?: string;
}

/** The IAM policies of one role: managed ones by ARN, inline ones by name. */
export interface RolePolicies {
  attached: { PolicyName?: string; PolicyArn?: string }[];
  inline: string[];
}

export interface Addon {
  addonName: string;
  clusterName?: string;
  addonVersion?: string;
  configurationValues?: string;
}

/** Everything collected about one cluster. Maps are keyed by name, ARN or id. */
export interface EksEvidence {
  clusterName: string;
  region?: string;
  cluster: Evidence<EksClusterDescription>;
  /** `list-nodegroups`: the names of the managed node groups. */
  nodegroupNames: Evidence<string[]>;
  /** `describe-nodegroup`, one per node group (a name listed but not described is missing here). */
  nodegroups: Map<string, Evidence<Nodegroup>>;
  /** `ec2 describe-launch-template-versions`, keyed `id:version` and `name:version`. */
  launchTemplateVersions: Map<string, LaunchTemplateVersion>;
  /** `ec2 describe-subnets`, keyed by subnet id. */
  subnets: Map<string, Subnet>;
  /** EC2 reads that failed (AccessDenied …), by what was asked. */
  ec2Errors: string[];
  fargateProfileNames: Evidence<string[]>;
  fargateProfiles: Map<string, Evidence<FargateProfile>>;
  repositories: Evidence<EcrRepository[]>;
  /** `ecr get-repository-policy` by repository name: the policy text, or null when the repository has none. */
  repositoryPolicies: Map<string, Evidence<string | null>>;
  registryScanning: Evidence<RegistryScanningConfiguration>;
  /** `list-access-entries`: principal ARNs. */
  accessEntryArns: Evidence<string[]>;
  accessEntries: Map<string, Evidence<AccessEntry>>;
  associatedAccessPolicies: Map<string, Evidence<AssociatedAccessPolicy[]>>;
  identityProviderConfigs: Evidence<IdentityProviderConfig[]>;
  podIdentityAssociations: Evidence<PodIdentityAssociation[]>;
  addonNames: Evidence<string[]>;
  addons: Map<string, Evidence<Addon>>;
  /** IAM policies of the node and pod execution roles, by role ARN (or name, from a dump). */
  rolePolicies: Map<string, Evidence<RolePolicies>>;
  /** Kubernetes objects of the cluster (aws-auth, ServiceAccounts, Services, Ingresses, workloads …). */
  kubernetes: Evidence<SourcedObject[]>;
  /** Registries the operator approved (`--approved-registry`); absent when none were named. */
  approvedRegistries?: string[];
}

/** An EksEvidence with nothing collected yet, for `name`. */
export function emptyEksEvidence(clusterName: string, region?: string): EksEvidence {
  const describe = (cmd: string) => `\`aws eks ${cmd}\` output`;
  return {
    clusterName,
    region,
    cluster: absent(describe(`describe-cluster --name ${clusterName}`)),
    nodegroupNames: absent(describe(`list-nodegroups --cluster-name ${clusterName}`)),
    nodegroups: new Map(),
    launchTemplateVersions: new Map(),
    subnets: new Map(),
    ec2Errors: [],
    fargateProfileNames: absent(describe(`list-fargate-profiles --cluster-name ${clusterName}`)),
    fargateProfiles: new Map(),
    repositories: absent('`aws ecr describe-repositories` output'),
    repositoryPolicies: new Map(),
    registryScanning: absent('`aws ecr get-registry-scanning-configuration` output'),
    accessEntryArns: absent(describe(`list-access-entries --cluster-name ${clusterName}`)),
    accessEntries: new Map(),
    associatedAccessPolicies: new Map(),
    identityProviderConfigs: absent(describe(`list-identity-provider-configs --cluster-name ${clusterName}`)),
    podIdentityAssociations: absent(describe(`list-pod-identity-associations --cluster-name ${clusterName}`)),
    addonNames: absent(describe(`list-addons --cluster-name ${clusterName}`)),
    addons: new Map(),
    rolePolicies: new Map(),
    kubernetes: absent('the cluster\'s Kubernetes objects (`--with-cluster`, or `kubectl get … -o yaml` output in the directory)'),
  };
}

/** The key launchTemplateVersions uses for a template reference. */
export function launchTemplateKey(idOrName: string, version: string | number): string {
  return `${idOrName}:${version}`;
}

/** The name of a role from its ARN (arn:aws:iam::ACCOUNT:role/PATH/NAME). */
export function roleName(arnOrName: string): string {
  return arnOrName.split('/').pop() ?? arnOrName;
}
