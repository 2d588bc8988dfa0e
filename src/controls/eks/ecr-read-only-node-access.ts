import type { EksControl } from '../control.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, nodegroupsOf, verdict } from './eks-evidence.js';

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
    // IAM policies are not part of the EKS evidence: the verdict is the operator's, on the exact role.
    const question = (role: string) =>
      `does IAM role ${role} allow only read actions on ECR (AmazonEC2ContainerRegistryReadOnly or ...PullOnly), with no ecr:Put*, ecr:Delete*, ecr:BatchDeleteImage, ecr:UploadLayerPart or ecr:* in any attached or inline policy? (aws iam list-attached-role-policies --role-name ${role.split('/').pop()})`;
    const nodegroups = nodegroupsOf(evidence);
    if (nodegroups.length === 0 && evidence.nodegroupNames.state !== 'present') return [missing(evidence.nodegroupNames, 'which roles the nodes use')];
    const checks = nodegroups.map(({ name, evidence: nodegroup }) => {
      const resource = { kind: 'nodegroup', name };
      if (nodegroup.state !== 'present') return missing(nodegroup, `which role node group ${name} uses`, resource);
      const role = nodegroup.value.nodeRole;
      if (!role) return verdict('error', `describe-nodegroup output for ${name} names no nodeRole`, { resource });
      return verdict('manual', `node group ${name}: ${question(role)}`, { resource });
    });
    for (const [name, profile] of [...evidence.fargateProfiles].sort(([a], [b]) => a.localeCompare(b))) {
      const resource = { kind: 'fargate-profile', name };
      if (profile.state !== 'present') { checks.push(missing(profile, `which role Fargate profile ${name} uses`, resource)); continue; }
      const role = (profile.value as { podExecutionRoleArn?: string }).podExecutionRoleArn;
      if (role) checks.push(verdict('manual', `Fargate profile ${name}: ${question(role)}`, { resource }));
    }
    if (checks.length === 0) checks.push(verdict('manual', `cluster ${evidence.clusterName} has no managed node groups: ${question('of each self-managed node or EKS Auto Mode node')}`));
    return checks;
  },
};
