import { DescribeLaunchTemplateVersionsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import {
  DescribeAccessEntryCommand,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAccessEntriesCommand,
  ListAddonsCommand,
  ListAssociatedAccessPoliciesCommand,
  ListFargateProfilesCommand,
  ListIdentityProviderConfigsCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
} from '@aws-sdk/client-eks';
import {
  emptyEksEvidence,
  evidenceError,
  launchTemplateKey,
  present,
  roleName,
  type EksEvidence,
  type Evidence,
  type RolePolicies,
} from '../../evidence/eks.js';
import { addLaunchTemplateVersion, EksInputError } from './from-dir.js';

export interface LiveEksOptions {
  clusterName: string;
  region?: string;
  /** Sends every AWS call to this URL (a VPC endpoint, LocalStack, a test server). */
  endpointUrl?: string;
  /** A profile of the shared AWS config and credentials files. */
  profile?: string;
  /** Attempts per call, retries included (throttling and 5xx back off exponentially). */
  maxAttempts?: number;
}

/** Most list calls return at most 100 items a page; this bounds a runaway pagination. */
const MAX_PAGES = 50;

/**
 * Collects the evidence of one cluster through the AWS SDK, with read-only calls only
 * (Describe*, List*, Get*). A call that fails is recorded as `error` evidence naming the call and
 * the AWS error; collection goes on with everything else.
 */
export async function collectEksLive(options: LiveEksOptions): Promise<EksEvidence> {
  const config = {
    region: options.region,
    endpoint: options.endpointUrl,
    profile: options.profile,
    maxAttempts: options.maxAttempts ?? 5,
  };
  const eks = new EKSClient(config);
  const ecr = new ECRClient(config);
  const ec2 = new EC2Client(config);
  const iam = new IAMClient(config);
  try {
    let region: string;
    try {
      region = await eks.config.region();
    } catch {
      throw new EksInputError('no AWS region: pass --region, or set AWS_REGION or a region in the AWS profile');
    }
    const name = options.clusterName;
    const evidence = emptyEksEvidence(name, region);
    const source = (operation: string) => `AWS API ${operation} (${region})`;

    evidence.cluster = await call('eks:DescribeCluster', async () => {
      const out = await eks.send(new DescribeClusterCommand({ name }));
      return out.cluster as never;
    }, source);

    evidence.nodegroupNames = await call('eks:ListNodegroups', () =>
      paginate((nextToken) => eks.send(new ListNodegroupsCommand({ clusterName: name, nextToken })), (out) => out.nodegroups ?? []), source);
    if (evidence.nodegroupNames.state === 'present') {
      for (const nodegroupName of evidence.nodegroupNames.value) {
        evidence.nodegroups.set(nodegroupName, await call('eks:DescribeNodegroup', async () =>
          (await eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName }))).nodegroup as never, source));
      }
    }
    await collectEc2(ec2, evidence);

    evidence.fargateProfileNames = await call('eks:ListFargateProfiles', () =>
      paginate((nextToken) => eks.send(new ListFargateProfilesCommand({ clusterName: name, nextToken })), (out) => out.fargateProfileNames ?? []), source);
    if (evidence.fargateProfileNames.state === 'present') {
      for (const fargateProfileName of evidence.fargateProfileNames.value) {
        evidence.fargateProfiles.set(fargateProfileName, await call('eks:DescribeFargateProfile', async () =>
          (await eks.send(new DescribeFargateProfileCommand({ clusterName: name, fargateProfileName }))).fargateProfile as never, source));
      }
    }

    evidence.accessEntryArns = await call('eks:ListAccessEntries', () =>
      paginate((nextToken) => eks.send(new ListAccessEntriesCommand({ clusterName: name, nextToken })), (out) => out.accessEntries ?? []), source);
    if (evidence.accessEntryArns.state === 'present') {
      for (const principalArn of evidence.accessEntryArns.value) {
        evidence.accessEntries.set(principalArn, await call('eks:DescribeAccessEntry', async () =>
          (await eks.send(new DescribeAccessEntryCommand({ clusterName: name, principalArn }))).accessEntry as never, source));
        evidence.associatedAccessPolicies.set(principalArn, await call('eks:ListAssociatedAccessPolicies', () =>
          paginate((nextToken) => eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: name, principalArn, nextToken })), (out) => out.associatedAccessPolicies ?? []) as never, source));
      }
    }
    await collectRolePolicies(iam, evidence, source);
    evidence.identityProviderConfigs = await call('eks:ListIdentityProviderConfigs', () =>
      paginate((nextToken) => eks.send(new ListIdentityProviderConfigsCommand({ clusterName: name, nextToken })), (out) => out.identityProviderConfigs ?? []), source);
    evidence.podIdentityAssociations = await call('eks:ListPodIdentityAssociations', () =>
      paginate((nextToken) => eks.send(new ListPodIdentityAssociationsCommand({ clusterName: name, nextToken })), (out) => out.associations ?? []), source);
    evidence.addonNames = await call('eks:ListAddons', () =>
      paginate((nextToken) => eks.send(new ListAddonsCommand({ clusterName: name, nextToken })), (out) => out.addons ?? []), source);
    if (evidence.addonNames.state === 'present' && evidence.addonNames.value.includes('vpc-cni')) {
      evidence.addons.set('vpc-cni', await call('eks:DescribeAddon', async () =>
        (await eks.send(new DescribeAddonCommand({ clusterName: name, addonName: 'vpc-cni' }))).addon as never, source));
    }

    evidence.repositories = await call('ecr:DescribeRepositories', () =>
      paginate((nextToken) => ecr.send(new DescribeRepositoriesCommand({ nextToken })), (out) => (out.repositories ?? []) as Repository[]) as never, source);
    evidence.registryScanning = await call('ecr:GetRegistryScanningConfiguration', async () =>
      (await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration as never, source);
    if (evidence.repositories.state === 'present') {
      for (const repository of evidence.repositories.value) {
        const repositoryName = repository.repositoryName;
        evidence.repositoryPolicies.set(repositoryName, await call('ecr:GetRepositoryPolicy', async () => {
          try {
            return (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName, registryId: repository.registryId }))).policyText ?? null;
          } catch (error) {
            if ((error as Error).name === 'RepositoryPolicyNotFoundException') return null;
            throw error;
          }
        }, source));
      }
    }
    return evidence;
  } finally {
    eks.destroy();
    ecr.destroy();
    ec2.destroy();
    iam.destroy();
  }
}

/** Launch template versions and subnets of the node groups: what decides whether nodes get public IPs. */
async function collectEc2(ec2: EC2Client, evidence: EksEvidence): Promise<void> {
  const subnetIds = new Set<string>();
  for (const nodegroup of evidence.nodegroups.values()) {
    if (nodegroup.state !== 'present') continue;
    for (const id of nodegroup.value.subnets ?? []) subnetIds.add(id);
    const template = nodegroup.value.launchTemplate;
    const ref = template?.id ?? template?.name;
    if (!template || !ref) continue;
    const version = template.version ?? '$Default';
    if (evidence.launchTemplateVersions.has(launchTemplateKey(ref, version))) continue;
    try {
      const out = await ec2.send(new DescribeLaunchTemplateVersionsCommand({
        ...(template.id ? { LaunchTemplateId: template.id } : { LaunchTemplateName: template.name }),
        Versions: [version],
      }));
      for (const found of out.LaunchTemplateVersions ?? []) addLaunchTemplateVersion(evidence, found as never);
    } catch (error) {
      evidence.ec2Errors.push(`ec2:DescribeLaunchTemplateVersions ${ref}: ${describeAwsError(error)}`);
    }
  }
  if (subnetIds.size === 0) return;
  try {
    const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds].sort() }));
    for (const subnet of out.Subnets ?? []) if (subnet.SubnetId) evidence.subnets.set(subnet.SubnetId, subnet as never);
  } catch (error) {
    evidence.ec2Errors.push(`ec2:DescribeSubnets: ${describeAwsError(error)}`);
  }
}

/** The IAM policies of the roles nodes and Fargate pods run as: what decides read-only ECR access. */
async function collectRolePolicies(iam: IAMClient, evidence: EksEvidence, source: (operation: string) => string): Promise<void> {
  const roles = new Set<string>();
  for (const nodegroup of evidence.nodegroups.values()) if (nodegroup.state === 'present' && nodegroup.value.nodeRole) roles.add(roleName(nodegroup.value.nodeRole));
  for (const profile of evidence.fargateProfiles.values()) {
    const arn = profile.state === 'present' ? (profile.value as { podExecutionRoleArn?: string }).podExecutionRoleArn : undefined;
    if (arn) roles.add(roleName(arn));
  }
  for (const RoleName of [...roles].sort()) {
    evidence.rolePolicies.set(RoleName, await call('iam:ListAttachedRolePolicies/ListRolePolicies', async (): Promise<RolePolicies> => {
      const attached = await iamPages((Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName, Marker })), (out) => out.AttachedPolicies ?? []);
      const inline = await iamPages((Marker) => iam.send(new ListRolePoliciesCommand({ RoleName, Marker })), (out) => out.PolicyNames ?? []);
      return { attached, inline };
    }, source));
  }
}

async function iamPages<Out extends { Marker?: string; IsTruncated?: boolean }, Item>(page: (marker: string | undefined) => Promise<Out>, items: (out: Out) => Item[]): Promise<Item[]> {
  return paginate(async (token) => {
    const out = await page(token);
    return { out, nextToken: out.IsTruncated ? out.Marker : undefined };
  }, ({ out }) => items(out));
}

async function call<T>(operation: string, run: () => Promise<T>, source: (operation: string) => string): Promise<Evidence<T>> {
  try {
    const value = await run();
    if (value === undefined) return evidenceError(`${operation} returned no data`);
    return present(value, source(operation));
  } catch (error) {
    return evidenceError(`${operation} failed: ${describeAwsError(error)}`);
  }
}

async function paginate<Out extends { nextToken?: string }, Item>(page: (token: string | undefined) => Promise<Out>, items: (out: Out) => Item[]): Promise<Item[]> {
  const all: Item[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const out = await page(token);
    all.push(...items(out));
    token = out.nextToken;
    if (!token) return all;
  }
  throw new Error(`more than ${MAX_PAGES} pages; stopped`);
}

/** `AccessDeniedException (HTTP 403): User … is not authorized to perform: eks:DescribeCluster`. */
export function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = error.name && error.name !== 'Error' ? error.name : 'error';
  return `${name}${status ? ` (HTTP ${status})` : ''}: ${error.message}`;
}
