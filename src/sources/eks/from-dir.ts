import { open } from 'node:fs/promises';
import yaml from 'js-yaml';
import {
  emptyEksEvidence,
  launchTemplateKey,
  present,
  type EksEvidence,
  type LaunchTemplateVersion,
} from '../../evidence/eks.js';
import { isKubeObject, isRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { describeFsError, discoverManifestFiles } from '../manifests/files.js';
import { objectsOfText, type InputProblem } from '../manifests/index.js';

/** What the directory held: the evidence of one cluster, and every file it did not use. */
export interface EksCollection {
  evidence: EksEvidence;
  /** Files read and used, with what they were recognised as (e.g. `eks describe-cluster`). */
  recognised: { file: string; as: string }[];
  /** Files read but not used, with why. */
  skipped: { file: string; reason: string }[];
  /** Files that could not be read or parsed: these make the scan incomplete. */
  problems: InputProblem[];
}

export class EksInputError extends Error {}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

type Json = Record<string, unknown>;
interface Record_ {
  file: string;
  as: string;
  value: Json;
}

/**
 * The AWS CLI outputs kubeharden understands, each recognised by the top-level keys the CLI
 * prints (never by file name). Order matters only where one shape contains another's keys.
 */
const RECOGNISERS: { as: string; test: (v: Json) => boolean }[] = [
  { as: 'eks describe-cluster', test: (v) => isRecord(v.cluster) && typeof v.cluster.name === 'string' },
  { as: 'eks list-nodegroups', test: (v) => isStringArray(v.nodegroups) },
  { as: 'eks describe-nodegroup', test: (v) => isRecord(v.nodegroup) && typeof v.nodegroup.nodegroupName === 'string' },
  { as: 'eks list-fargate-profiles', test: (v) => isStringArray(v.fargateProfileNames) },
  { as: 'eks describe-fargate-profile', test: (v) => isRecord(v.fargateProfile) && typeof v.fargateProfile.fargateProfileName === 'string' },
  { as: 'eks list-access-entries', test: (v) => isStringArray(v.accessEntries) },
  { as: 'eks describe-access-entry', test: (v) => isRecord(v.accessEntry) && typeof v.accessEntry.principalArn === 'string' },
  { as: 'eks list-associated-access-policies', test: (v) => Array.isArray(v.associatedAccessPolicies) && typeof v.principalArn === 'string' },
  { as: 'eks list-identity-provider-configs', test: (v) => Array.isArray(v.identityProviderConfigs) },
  { as: 'eks list-pod-identity-associations', test: (v) => Array.isArray(v.associations) },
  { as: 'eks list-addons', test: (v) => isStringArray(v.addons) },
  { as: 'eks describe-addon', test: (v) => isRecord(v.addon) && typeof v.addon.addonName === 'string' },
  { as: 'ecr describe-repositories', test: (v) => Array.isArray(v.repositories) },
  { as: 'ecr get-registry-scanning-configuration', test: (v) => isRecord(v.scanningConfiguration) },
  { as: 'ecr get-repository-policy', test: (v) => typeof v.policyText === 'string' && typeof v.repositoryName === 'string' },
  { as: 'ec2 describe-launch-template-versions', test: (v) => Array.isArray(v.LaunchTemplateVersions) },
  { as: 'ec2 describe-subnets', test: (v) => Array.isArray(v.Subnets) },
  { as: 'iam get-account-authorization-details', test: (v) => Array.isArray(v.RoleDetailList) },
];

/**
 * Reads a directory of AWS CLI JSON (or YAML) outputs and Kubernetes object dumps. With several
 * `describe-cluster` outputs, `clusterName` picks one; outputs that name another cluster are skipped.
 */
export async function collectEksFromDir(dir: string, options: { clusterName?: string; region?: string } = {}): Promise<EksCollection> {
  const discovery: { path: string; message: string }[] = [];
  const files = await discoverManifestFiles([dir], discovery, /(?:)/);
  const problems: InputProblem[] = discovery.map((p) => ({
    file: p.path,
    message: p.message,
    level: p.message.includes('not followed') || p.message.includes('broken symlink') ? 'note' : 'error',
  }));
  const skipped: EksCollection['skipped'] = [];
  const records: Record_[] = [];
  const objects: SourcedObject[] = [];
  const objectFiles: string[] = [];

  for (const file of files) {
    const text = await readBounded(file.absolute, file.display, problems);
    if (text === undefined) continue;
    const value = parseAny(text);
    if (value === undefined) {
      if (/\.(ya?ml|json)$/i.test(file.display)) problems.push({ file: file.display, message: 'is neither valid JSON nor YAML', level: 'error' });
      else skipped.push({ file: file.display, reason: 'not JSON or YAML' });
      continue;
    }
    if (isKubeObject(value) || (value === 'multi-document' && /\.ya?ml$/i.test(file.display))) {
      const before = objects.length;
      for (const item of objectsOfText(file.display, text)) {
        if (item.type === 'object') objects.push(item.item);
        else if (item.problem.level === 'error') problems.push(item.problem);
      }
      if (objects.length > before) objectFiles.push(file.display);
      else skipped.push({ file: file.display, reason: 'holds no Kubernetes object' });
      continue;
    }
    const recogniser = isRecord(value) ? RECOGNISERS.find((r) => r.test(value)) : undefined;
    if (!recogniser || !isRecord(value)) {
      const what = isRecord(value) ? `top-level keys: ${Object.keys(value).slice(0, 5).join(', ') || 'none'}` : 'not a JSON or YAML mapping';
      skipped.push({ file: file.display, reason: `not an AWS CLI output or Kubernetes object kubeharden reads (${what})` });
      continue;
    }
    records.push({ file: file.display, as: recogniser.as, value });
  }

  const clusters = records.filter((r) => r.as === 'eks describe-cluster');
  const names = [...new Set(clusters.map((r) => (r.value.cluster as Json).name as string))];
  let clusterName = options.clusterName;
  if (!clusterName) {
    if (names.length > 1) throw new EksInputError(`${dir} describes ${names.length} clusters (${names.join(', ')}); pick one with --cluster NAME`);
    clusterName = names[0];
  }
  if (!clusterName) {
    const nameFrom = records.map((r) => clusterNameOf(r.value)).find((n) => n !== undefined);
    if (!nameFrom) throw new EksInputError(`${dir} holds no \`aws eks describe-cluster\` output and nothing names the cluster; add it, or name the cluster with --cluster NAME`);
    clusterName = nameFrom;
  }
  const evidence = emptyEksEvidence(clusterName, options.region ?? regionOf(clusters.find((r) => (r.value.cluster as Json).name === clusterName)));
  const recognised: EksCollection['recognised'] = [];
  for (const record of records) {
    const other = clusterNameOf(record.value);
    if (other !== undefined && other !== clusterName) {
      skipped.push({ file: record.file, reason: `${record.as} of another cluster (${other})` });
      continue;
    }
    addRecord(evidence, record);
    recognised.push({ file: record.file, as: record.as });
  }
  if (objects.length > 0) {
    evidence.kubernetes = present(objects, objectFiles.join(', '));
    for (const file of objectFiles) recognised.push({ file, as: 'Kubernetes objects' });
  }
  return { evidence, recognised, skipped, problems };
}

function addRecord(evidence: EksEvidence, { file, as, value }: Record_): void {
  switch (as) {
    case 'eks describe-cluster':
      evidence.cluster = present(value.cluster as never, file);
      return;
    case 'eks list-nodegroups':
      evidence.nodegroupNames = present(value.nodegroups as string[], file);
      return;
    case 'eks describe-nodegroup': {
      const nodegroup = value.nodegroup as { nodegroupName: string };
      evidence.nodegroups.set(nodegroup.nodegroupName, present(nodegroup as never, file));
      return;
    }
    case 'eks list-fargate-profiles':
      evidence.fargateProfileNames = present(value.fargateProfileNames as string[], file);
      return;
    case 'eks describe-fargate-profile': {
      const profile = value.fargateProfile as { fargateProfileName: string };
      evidence.fargateProfiles.set(profile.fargateProfileName, present(profile as never, file));
      return;
    }
    case 'eks list-access-entries':
      evidence.accessEntryArns = present(value.accessEntries as string[], file);
      return;
    case 'eks describe-access-entry': {
      const entry = value.accessEntry as { principalArn: string };
      evidence.accessEntries.set(entry.principalArn, present(entry as never, file));
      return;
    }
    case 'eks list-associated-access-policies':
      evidence.associatedAccessPolicies.set(value.principalArn as string, present(value.associatedAccessPolicies as never, file));
      return;
    case 'eks list-identity-provider-configs':
      evidence.identityProviderConfigs = present(value.identityProviderConfigs as never, file);
      return;
    case 'eks list-pod-identity-associations':
      evidence.podIdentityAssociations = present(value.associations as never, file);
      return;
    case 'eks list-addons':
      evidence.addonNames = present(value.addons as string[], file);
      return;
    case 'eks describe-addon': {
      const addon = value.addon as { addonName: string };
      evidence.addons.set(addon.addonName, present(addon as never, file));
      return;
    }
    case 'ecr describe-repositories': {
      // Several pages (or regions' worth) of describe-repositories add up.
      const earlier = evidence.repositories.state === 'present' ? evidence.repositories : undefined;
      const repositories = [...(earlier?.value ?? []), ...(value.repositories as never[])];
      evidence.repositories = present(repositories, earlier ? `${earlier.source}, ${file}` : file);
      return;
    }
    case 'ecr get-registry-scanning-configuration':
      evidence.registryScanning = present(value.scanningConfiguration as never, file);
      return;
    case 'ecr get-repository-policy':
      evidence.repositoryPolicies.set(value.repositoryName as string, present(value.policyText as string, file));
      return;
    case 'ec2 describe-launch-template-versions':
      for (const version of value.LaunchTemplateVersions as LaunchTemplateVersion[]) addLaunchTemplateVersion(evidence, version);
      return;
    case 'iam get-account-authorization-details':
      for (const role of value.RoleDetailList as { RoleName?: string; Arn?: string; AttachedManagedPolicies?: never[]; RolePolicyList?: { PolicyName?: string }[] }[]) {
        if (!role.RoleName) continue;
        const policies = { attached: role.AttachedManagedPolicies ?? [], inline: (role.RolePolicyList ?? []).map((p) => String(p.PolicyName)) };
        evidence.rolePolicies.set(role.RoleName, present(policies, file));
      }
      return;
    case 'ec2 describe-subnets':
      for (const subnet of value.Subnets as { SubnetId?: string }[]) {
        if (typeof subnet.SubnetId === 'string') evidence.subnets.set(subnet.SubnetId, subnet as never);
      }
      return;
  }
}

/** Indexes a launch template version by id and by name, and as `$Default` when it is the default. */
export function addLaunchTemplateVersion(evidence: EksEvidence, version: LaunchTemplateVersion): void {
  for (const ref of [version.LaunchTemplateId, version.LaunchTemplateName]) {
    if (!ref) continue;
    if (version.VersionNumber !== undefined) evidence.launchTemplateVersions.set(launchTemplateKey(ref, version.VersionNumber), version);
    if (version.DefaultVersion) evidence.launchTemplateVersions.set(launchTemplateKey(ref, '$Default'), version);
  }
}

/** The cluster a per-cluster output names, where it names one. */
function clusterNameOf(value: Json): string | undefined {
  for (const key of ['nodegroup', 'fargateProfile', 'accessEntry', 'addon']) {
    const inner = value[key];
    if (isRecord(inner) && typeof inner.clusterName === 'string') return inner.clusterName;
  }
  if (typeof value.clusterName === 'string') return value.clusterName;
  if (Array.isArray(value.associations)) {
    const first = value.associations.find((a) => isRecord(a) && typeof a.clusterName === 'string') as Json | undefined;
    return first?.clusterName as string | undefined;
  }
  return undefined;
}

/** The region of a cluster ARN (arn:aws:eks:REGION:ACCOUNT:cluster/NAME). */
function regionOf(record: Record_ | undefined): string | undefined {
  const arn = record && (record.value.cluster as Json).arn;
  return typeof arn === 'string' ? arn.split(':')[3] || undefined : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** JSON first (what the AWS CLI prints by default), then YAML (`--output yaml`, kubectl dumps). */
function parseAny(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // not JSON: try YAML below
  }
  try {
    return yaml.load(body) ?? undefined;
  } catch (error) {
    if (error instanceof yaml.YAMLException && /single document/i.test(error.message)) return 'multi-document';
    return undefined;
  }
}

async function readBounded(absolute: string, display: string, problems: InputProblem[]): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(absolute, 'r');
    const info = await handle.stat();
    if (info.size > MAX_FILE_BYTES) {
      problems.push({ file: display, message: `file is ${info.size} bytes, over the limit of ${MAX_FILE_BYTES}; not read`, level: 'error' });
      return undefined;
    }
    return await handle.readFile('utf8');
  } catch (error) {
    problems.push({ file: display, message: `cannot read: ${describeFsError(error)}`, level: 'error' });
    return undefined;
  } finally {
    await handle?.close();
  }
}
