import type { EksCheck, EksControl } from '../control.js';
import { launchTemplateKey, type EksEvidence, type Nodegroup } from '../../evidence/eks.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, nodegroupsOf, verdict } from './eks-evidence.js';

export const eksPrivateNodes: EksControl = {
  id: 'eks-private-nodes',
  title: 'EKS nodes must not have public IP addresses',
  severity: 'medium',
  family: 'eks',
  rationale:
    'A node with a public IP address can be reached from the internet on every port its security groups allow (kubelet, NodePorts, SSH). Private nodes force an attacker to get onto the VPC network first.',
  remediation:
    'Run node groups in private subnets (MapPublicIpOnLaunch false, egress through a NAT gateway or VPC endpoints) and, in a custom launch template, set NetworkInterfaces[0].AssociatePublicIpAddress to false. Node group subnets cannot be changed: create a new node group in private subnets and delete the old one.',
  refs: [...eksCacRule('private_nodes'), ...cisEks('5.4.3')],
  scope: 'eks',
  evaluate(evidence) {
    const nodegroups = nodegroupsOf(evidence);
    if (nodegroups.length === 0) {
      if (evidence.nodegroupNames.state !== 'present') return [missing(evidence.nodegroupNames, 'whether the node groups are private')];
      const autoMode = evidence.cluster.state === 'present' && evidence.cluster.value.computeConfig?.enabled === true;
      return [
        verdict(
          'manual',
          autoMode
            ? `cluster ${evidence.clusterName} has no managed node groups and runs EKS Auto Mode: do its NodeClasses place nodes only in private subnets (MapPublicIpOnLaunch false), and do any self-managed nodes have public IPs?`
            : `cluster ${evidence.clusterName} has no managed node groups: do its self-managed nodes (Auto Scaling groups or instances joined with the cluster's bootstrap) have public IP addresses?`,
        ),
      ];
    }
    return nodegroups.map(({ name, evidence: nodegroup }) => {
      const resource = { kind: 'nodegroup', name };
      if (nodegroup.state !== 'present') return missing(nodegroup, `whether node group ${name} is private`, resource);
      return { ...privateNodegroup(nodegroup.value, evidence), resource };
    });
  },
};

function privateNodegroup(nodegroup: Nodegroup, evidence: EksEvidence): EksCheck {
  const template = nodegroup.launchTemplate;
  let templateSays: boolean | undefined;
  let templateName = '';
  if (template) {
    const ref = template.id ?? template.name ?? '';
    templateName = `launch template ${template.name ?? template.id} version ${template.version ?? '$Default'}`;
    const version = evidence.launchTemplateVersions.get(launchTemplateKey(ref, template.version ?? '$Default'))
      ?? (template.name && template.id ? evidence.launchTemplateVersions.get(launchTemplateKey(template.name, template.version ?? '$Default')) : undefined);
    if (!version) {
      const why = evidence.ec2Errors.length > 0 ? ` (${evidence.ec2Errors.join('; ')})` : '';
      return verdict(
        evidence.ec2Errors.length > 0 ? 'error' : 'manual',
        `node group ${nodegroup.nodegroupName} uses ${templateName}, whose data was not collected${why}: add \`aws ec2 describe-launch-template-versions --launch-template-id ${template.id ?? '…'} --versions ${template.version ?? '$Default'}\` output — does it set NetworkInterfaces AssociatePublicIpAddress?`,
      );
    }
    const interfaces = version.LaunchTemplateData?.NetworkInterfaces ?? [];
    if (interfaces.some((i) => i.AssociatePublicIpAddress === true)) {
      return verdict('fail', `node group ${nodegroup.nodegroupName}: ${templateName} sets AssociatePublicIpAddress: true, so its nodes get public IP addresses`);
    }
    if (interfaces.length > 0 && interfaces.every((i) => i.AssociatePublicIpAddress === false)) templateSays = false;
  }
  if (templateSays === false) {
    return verdict('pass', `node group ${nodegroup.nodegroupName}: ${templateName} sets AssociatePublicIpAddress: false on every network interface`);
  }
  const subnetIds = nodegroup.subnets ?? [];
  if (subnetIds.length === 0) return verdict('error', `describe-nodegroup output for ${nodegroup.nodegroupName} lists no subnets`);
  const unknown = subnetIds.filter((id) => !evidence.subnets.has(id));
  const publicSubnets = subnetIds.filter((id) => evidence.subnets.get(id)?.MapPublicIpOnLaunch === true);
  if (publicSubnets.length > 0) {
    return verdict('fail', `node group ${nodegroup.nodegroupName} launches nodes in subnets that map public IPs on launch: ${publicSubnets.join(', ')}`);
  }
  if (unknown.length > 0) {
    const why = evidence.ec2Errors.length > 0 ? ` (${evidence.ec2Errors.join('; ')})` : '';
    return verdict(
      evidence.ec2Errors.length > 0 ? 'error' : 'manual',
      `node group ${nodegroup.nodegroupName}: do subnets ${unknown.join(', ')} map public IPs on launch? Add \`aws ec2 describe-subnets --subnet-ids ${unknown.join(' ')}\` output${why}`,
    );
  }
  const via = template ? ` and ${templateName} does not associate public IPs` : '';
  return verdict('pass', `node group ${nodegroup.nodegroupName} runs in subnets that do not map public IPs on launch (${subnetIds.join(', ')})${via}`);
}
