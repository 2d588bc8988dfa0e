import { eksEcrAccessMinimized } from '../../../src/controls/eks/ecr-access-minimized.js';
import { eksEcrImageScanning } from '../../../src/controls/eks/ecr-image-scanning.js';
import { eksEcrReadOnlyNodeAccess } from '../../../src/controls/eks/ecr-read-only-node-access.js';
import { eksFargateUntrustedWorkloads } from '../../../src/controls/eks/fargate-untrusted-workloads.js';
import { eksPrivateNodes } from '../../../src/controls/eks/private-nodes.js';
import { FAILING, hardened, testEksControl, type CliJson } from './eks-tester.js';

const NODEGROUP = 'EKS cluster prod nodegroup general';
const REPO = 'EKS cluster prod ecr-repository shop/web';

function nodegroupWith(change: (nodegroup: CliJson) => void): CliJson {
  const output = hardened('ng-general.json');
  change(output.nodegroup);
  return output;
}
function subnetsMappingPublicIps(...ids: string[]): CliJson {
  const output = hardened('subnets.json');
  for (const subnet of output.Subnets) subnet.MapPublicIpOnLaunch = ids.includes(subnet.SubnetId);
  return output;
}
function templateWith(change: (data: CliJson) => void): CliJson {
  const output = hardened('lt-versions.json');
  change(output.LaunchTemplateVersions[0].LaunchTemplateData);
  return output;
}

testEksControl(eksPrivateNodes, [
  { name: 'a launch template that disables public IPs passes', expect: [{ status: 'pass', subject: NODEGROUP, message: /AssociatePublicIpAddress: false/ }] },
  {
    name: 'the launch template\'s AssociatePublicIpAddress: false wins over a public subnet',
    files: { 'subnets.json': subnetsMappingPublicIps('subnet-0a1b2c3d4e5f60001') },
    expect: [{ status: 'pass', subject: NODEGROUP }],
  },
  {
    name: 'a launch template that associates public IPs fails',
    files: { 'lt-versions.json': templateWith((d) => { d.NetworkInterfaces[0].AssociatePublicIpAddress = true; }) },
    expect: [{ status: 'fail', subject: NODEGROUP, message: /AssociatePublicIpAddress: true/ }],
  },
  {
    name: 'no network interface in the template: private subnets decide, and pass',
    files: { 'lt-versions.json': templateWith((d) => { delete d.NetworkInterfaces; }) },
    expect: [{ status: 'pass', subject: NODEGROUP, message: /do not map public IPs/ }],
  },
  {
    name: 'no network interface in the template and one subnet mapping public IPs fails',
    files: { 'lt-versions.json': templateWith((d) => { delete d.NetworkInterfaces; }), 'subnets.json': subnetsMappingPublicIps('subnet-0a1b2c3d4e5f60002') },
    expect: [{ status: 'fail', subject: NODEGROUP, message: /subnet-0a1b2c3d4e5f60002$/ }],
  },
  {
    name: 'a launch template whose data was not collected is manual, naming the command',
    files: { 'lt-versions.json': null },
    expect: [{ status: 'manual', subject: NODEGROUP, message: /describe-launch-template-versions --launch-template-id lt-0abcd1234ef567890 --versions 3/ }],
  },
  {
    name: 'no launch template and subnets not collected is manual',
    files: { 'ng-general.json': nodegroupWith((n) => { delete n.launchTemplate; }), 'subnets.json': null },
    expect: [{ status: 'manual', subject: NODEGROUP, message: /describe-subnets --subnet-ids subnet-0a1b2c3d4e5f60001 subnet-0a1b2c3d4e5f60002/ }],
  },
  { name: 'public subnets without a launch template fail', dir: FAILING, expect: [{ status: 'fail', subject: 'EKS cluster legacy nodegroup workers' }] },
  {
    name: 'a listed node group that was not described is manual; the described one is still judged',
    files: { 'list-nodegroups.json': { nodegroups: ['general', 'gpu'] } },
    expect: [{ status: 'pass', subject: NODEGROUP }, { status: 'manual', subject: 'EKS cluster prod nodegroup gpu', message: /describe-nodegroup --cluster-name prod --nodegroup-name gpu/ }],
  },
  {
    name: 'no managed node group: the question about self-managed nodes',
    files: { 'list-nodegroups.json': { nodegroups: [] }, 'ng-general.json': null },
    expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /self-managed nodes/ }],
  },
]);

testEksControl(eksEcrImageScanning, [
  { name: 'enhanced continuous scanning of every repository passes', expect: [{ status: 'pass', subject: REPO, message: /ENHANCED scanning, CONTINUOUS_SCAN, filter "\*"/ }] },
  {
    name: 'a filter without a wildcard matches as a substring',
    files: { 'ecr-scanning.json': { registryId: '111122223333', scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'shop', filterType: 'WILDCARD' }] }] } } },
    expect: [{ status: 'pass', subject: REPO }],
  },
  {
    name: 'enhanced rules that miss the repository fail even with its own scanOnPush',
    files: {
      'ecr-scanning.json': { registryId: '111122223333', scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] }] } },
      'ecr-repositories.json': (() => { const r = hardened('ecr-repositories.json'); r.repositories[0].imageScanningConfiguration.scanOnPush = true; return r; })(),
    },
    expect: [{ status: 'fail', subject: REPO }],
  },
  {
    name: 'basic scanning honours the repository\'s scanOnPush',
    files: {
      'ecr-scanning.json': { registryId: '111122223333', scanningConfiguration: { scanType: 'BASIC', rules: [] } },
      'ecr-repositories.json': (() => { const r = hardened('ecr-repositories.json'); r.repositories[0].imageScanningConfiguration.scanOnPush = true; return r; })(),
    },
    expect: [{ status: 'pass', subject: REPO, message: /scanOnPush enabled \(BASIC/ }],
  },
  {
    name: 'a MANUAL frequency rule does not count',
    files: { 'ecr-scanning.json': { registryId: '111122223333', scanningConfiguration: { scanType: 'BASIC', rules: [{ scanFrequency: 'MANUAL', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] } } },
    expect: [{ status: 'fail', subject: REPO }],
  },
  { name: 'basic scan-on-push rules that miss the repository fail', dir: FAILING, expect: [{ status: 'fail', subject: 'EKS cluster legacy ecr-repository legacy/app' }] },
  {
    name: 'scanOnPush off and no registry configuration collected is manual',
    files: { 'ecr-scanning.json': null },
    expect: [{ status: 'manual', subject: REPO, message: /get-registry-scanning-configuration/ }],
  },
  { name: 'an empty registry asks about third-party scanning', files: { 'ecr-repositories.json': { repositories: [] } }, expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /third-party scanner/ }] },
]);

testEksControl(eksEcrAccessMinimized, [
  { name: 'a policy granting push to the CI role only is still a question about identity policies', expect: [{ status: 'manual', subject: REPO, message: /grants nothing to "\*"/ }] },
  { name: 'a policy allowing PutImage to "*" fails', dir: FAILING, expect: [{ status: 'fail', subject: 'EKS cluster legacy ecr-repository legacy/app', message: /ecr:PutImage to any principal/ }] },
  {
    name: '"*" restricted by a Condition (e.g. the organization) is a question, not a failure',
    files: { 'ecr-policy-shop-web.json': { registryId: '111122223333', repositoryName: 'shop/web', policyText: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'ecr:BatchGetImage', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }] }) } },
    expect: [{ status: 'manual', subject: REPO }],
  },
  {
    name: 'Principal {"AWS": ["*"]} without a Condition fails',
    files: { 'ecr-policy-shop-web.json': { registryId: '111122223333', repositoryName: 'shop/web', policyText: JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'ecr:*' } }) } },
    expect: [{ status: 'fail', subject: REPO, message: /ecr:\* to any principal/ }],
  },
  { name: 'a policy not collected is manual, naming the command', files: { 'ecr-policy-shop-web.json': null }, expect: [{ status: 'manual', subject: REPO, message: /get-repository-policy --repository-name shop\/web/ }] },
  { name: 'nothing collected from ECR is manual', files: { 'ecr-repositories.json': null }, expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /describe-repositories/ }] },
], { verdicts: ['fail', 'manual'] });

const rolesWith = (role: string, attached: string[], inline: string[] = []) => {
  const output = hardened('iam-roles.json');
  const detail = output.RoleDetailList.find((r: CliJson) => r.RoleName === role);
  detail.AttachedManagedPolicies = attached.map((arn) => ({ PolicyName: arn.split('/').pop(), PolicyArn: arn }));
  detail.RolePolicyList = inline.map((PolicyName) => ({ PolicyName, PolicyDocument: {} }));
  return output;
};
const FARGATE = 'EKS cluster prod fargate-profile untrusted';

testEksControl(eksEcrReadOnlyNodeAccess, [
  {
    name: 'ECR read-only node role and the Fargate pod execution policy pass',
    expect: [
      { status: 'pass', subject: NODEGROUP, message: /AmazonEC2ContainerRegistryReadOnly/ },
      { status: 'pass', subject: FARGATE, message: /AmazonEKSFargatePodExecutionRolePolicy/ },
    ],
  },
  { name: 'a node role with the ECR PowerUser policy fails', dir: FAILING, expect: [{ status: 'fail', subject: 'EKS cluster legacy nodegroup workers', message: /AmazonEC2ContainerRegistryPowerUser/ }] },
  {
    name: 'AdministratorAccess on the node role fails',
    files: { 'iam-roles.json': rolesWith('prod-eks-node', ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy', 'arn:aws:iam::aws:policy/AdministratorAccess']) },
    expect: [{ status: 'fail', subject: NODEGROUP, message: /AdministratorAccess/ }, { status: 'pass', subject: FARGATE }],
  },
  {
    name: 'customer managed and inline policies are a question naming them',
    files: { 'iam-roles.json': rolesWith('prod-eks-node', ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly', 'arn:aws:iam::111122223333:policy/node-extras'], ['s3-logs']) },
    expect: [{ status: 'manual', subject: NODEGROUP, message: /customer managed node-extras, inline s3-logs/ }, { status: 'pass', subject: FARGATE }],
  },
  {
    name: 'role policies not collected are a question with the command',
    files: { 'iam-roles.json': null },
    expect: [
      { status: 'manual', subject: NODEGROUP, message: /get-account-authorization-details/ },
      { status: 'manual', subject: FARGATE, message: /list-attached-role-policies --role-name prod-fargate-pod-execution/ },
    ],
  },
]);

testEksControl(eksFargateUntrustedWorkloads, [
  { name: 'a Fargate profile: the question names its selectors', expect: [{ status: 'manual', subject: 'EKS cluster prod fargate-profile untrusted', message: /namespace sandbox/ }] },
  { name: 'no Fargate profile: the question is whether untrusted workloads run at all', dir: FAILING, expect: [{ status: 'manual', subject: 'EKS cluster legacy', message: /has no Fargate profile/ }] },
  { name: 'nothing about Fargate collected is manual, naming the command', files: { 'list-fargate-profiles.json': null, 'fp-untrusted.json': null }, expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /list-fargate-profiles/ }] },
], { verdicts: ['manual'] });
