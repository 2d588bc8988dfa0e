import type { EksCheck, EksControl } from '../control.js';
import { roleName, type EksEvidence } from '../../evidence/eks.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, nodegroupsOf, verdict } from './eks-evidence.js';

const MANAGED = 'arn:aws:iam::aws:policy/';
/** AWS managed policies that give ECR read (pull) access only. */
const ECR_READ_ONLY = new Set(['AmazonEC2ContainerRegistryReadOnly', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonEKSFargatePodExecutionRolePolicy']);
/** AWS managed policies a node role commonly carries that grant no ECR write action. */
const NO_ECR_WRITE = new Set(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy', 'AmazonEKSWorkerNodeMinimalPolicy']);
/** AWS managed policies that can push, delete or administer ECR repositories. */
const ECR_WRITE = new Set([
  'AmazonEC2ContainerRegistryPowerUser', 'AmazonEC2ContainerRegistryFullAccess', 'AmazonElasticContainerRegistryPublicFullAccess',
  'AdministratorAccess', 'PowerUserAccess', 'AmazonEC2ContainerServiceFullAccess',
]);

export const eksEcrReadOnlyNodeAccess: EksControl = {
  id: 'eks-ecr-read-only-node-access',
  title: 'Node and Fargate pod execution roles must have read-only access to ECR',
  severity: 'medium',
  family: 'eks',
  rationale:
    'Nodes only pull images. A node role that can push or delete images lets anyone who takes over one node (or a pod that reaches its instance metadata) replace the images every other node runs.',
  remediation:
    'Attach only arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly (or AmazonEC2ContainerRegistryPullOnly) for ECR to node roles and Fargate pod execution roles; detach AmazonEC2ContainerRegistryPowerUser, AmazonEC2ContainerRegistryFullAccess and any policy allowing ecr:Put*, ecr:Delete*, ecr:BatchDeleteImage, ecr:CompleteLayerUpload or ecr:*.',
  refs: [...eksCacRule('read_only_registry_access'), ...cisEks('5.1.3')],
  scope: 'eks',
  evaluate(evidence) {
    const nodegroups = nodegroupsOf(evidence);
    if (nodegroups.length === 0 && evidence.nodegroupNames.state !== 'present') return [missing(evidence.nodegroupNames, 'which roles the nodes use')];
    const checks = nodegroups.map(({ name, evidence: nodegroup }) => {
      const resource = { kind: 'nodegroup', name };
      if (nodegroup.state !== 'present') return missing(nodegroup, `which role node group ${name} uses`, resource);
      const role = nodegroup.value.nodeRole;
      if (!role) return verdict('error', `describe-nodegroup output for ${name} names no nodeRole`, { resource });
      return { ...roleVerdict(`node group ${name}`, role, evidence), resource };
    });
    for (const [name, profile] of [...evidence.fargateProfiles].sort(([a], [b]) => a.localeCompare(b))) {
      const resource = { kind: 'fargate-profile', name };
      if (profile.state !== 'present') { checks.push(missing(profile, `which role Fargate profile ${name} uses`, resource)); continue; }
      const role = (profile.value as { podExecutionRoleArn?: string }).podExecutionRoleArn;
      if (role) checks.push({ ...roleVerdict(`Fargate profile ${name}`, role, evidence), resource });
    }
    if (checks.length === 0) {
      checks.push(verdict('manual', `cluster ${evidence.clusterName} has no managed node group: do the roles of its self-managed or EKS Auto Mode nodes allow only read actions on ECR?`));
    }
    return checks;
  },
};

function roleVerdict(who: string, roleArn: string, evidence: EksEvidence): EksCheck {
  const name = roleName(roleArn);
  const policies = evidence.rolePolicies.get(name);
  const question = `does IAM role ${roleArn} allow only read actions on ECR, with no ecr:Put*, ecr:Delete*, ecr:BatchDeleteImage, ecr:UploadLayerPart or ecr:* in any policy?`;
  if (!policies) return verdict('manual', `${who}: the policies of role ${name} were not collected (aws iam get-account-authorization-details --filter Role, or list-attached-role-policies --role-name ${name}): ${question}`);
  if (policies.state !== 'present') return missing(policies, `the ECR access of ${who} (role ${name})`);
  const managed = policies.value.attached.map((p) => ({ name: p.PolicyName ?? (p.PolicyArn ?? '').split('/').pop() ?? '', awsManaged: (p.PolicyArn ?? '').startsWith(MANAGED) }));
  const writers = managed.filter((p) => p.awsManaged && ECR_WRITE.has(p.name)).map((p) => p.name);
  if (writers.length > 0) return verdict('fail', `${who}: role ${name} has ${writers.join(', ')}, which can push or delete images in ECR`);
  const unknown = [
    ...managed.filter((p) => !p.awsManaged || !(ECR_READ_ONLY.has(p.name) || NO_ECR_WRITE.has(p.name))).map((p) => `${p.awsManaged ? '' : 'customer managed '}${p.name}`),
    ...policies.value.inline.map((p) => `inline ${p}`),
  ];
  if (unknown.length > 0) return verdict('manual', `${who}: role ${name} also has ${unknown.join(', ')}: ${question}`);
  const reader = managed.find((p) => ECR_READ_ONLY.has(p.name));
  return verdict('pass', `${who}: role ${name} reads ECR through ${reader?.name ?? 'no ECR policy at all'} and has no policy that writes to it`);
}
