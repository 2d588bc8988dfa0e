import { eksAuditLogging } from '../../../src/controls/eks/audit-logging.js';
import { eksClusterAdminAccess } from '../../../src/controls/eks/cluster-admin-access.js';
import { eksEndpointAccessRestricted } from '../../../src/controls/eks/endpoint-access-restricted.js';
import { eksEndpointPrivate } from '../../../src/controls/eks/endpoint-private.js';
import { eksIamUserManagement } from '../../../src/controls/eks/iam-user-management.js';
import { eksSecretsKmsEncryption } from '../../../src/controls/eks/secrets-kms-encryption.js';
import { clusterWith, FAILING, testEksControl } from './eks-tester.js';

const PROD = 'EKS cluster prod';
const LEGACY = 'EKS cluster legacy';

testEksControl(eksAuditLogging, [
  { name: 'audit among the enabled types passes', expect: [{ status: 'pass', subject: PROD, message: /"audit" is enabled/ }] },
  { name: 'every type disabled fails', dir: FAILING, expect: [{ status: 'fail', subject: LEGACY, message: /no log type is enabled/ }] },
  {
    name: 'audit listed only in the disabled entry fails, naming what is enabled',
    files: { 'describe-cluster.json': clusterWith((c) => { c.logging.clusterLogging = [{ types: ['api'], enabled: true }, { types: ['audit'], enabled: false }]; }) },
    expect: [{ status: 'fail', subject: PROD, message: /enabled: api/ }],
  },
  { name: 'no describe-cluster output is manual, naming the command', files: { 'describe-cluster.json': null }, expect: [{ status: 'manual', subject: PROD, message: /aws eks describe-cluster --name prod/ }] },
]);

testEksControl(eksEndpointAccessRestricted, [
  { name: 'public endpoint off passes (publicAccessCidrs 0.0.0.0/0 is then irrelevant)', expect: [{ status: 'pass', subject: PROD }] },
  {
    name: 'public endpoint restricted to a CIDR with private access on passes',
    files: { 'describe-cluster.json': clusterWith((c) => Object.assign(c.resourcesVpcConfig, { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] })) },
    expect: [{ status: 'pass', subject: PROD, message: /203\.0\.113\.0\/24/ }],
  },
  { name: 'public endpoint open to 0.0.0.0/0 fails', dir: FAILING, expect: [{ status: 'fail', subject: LEGACY, message: /open to 0\.0\.0\.0\/0/ }] },
  {
    name: 'an IPv6 ::/0 among restricted CIDRs fails',
    files: { 'describe-cluster.json': clusterWith((c) => Object.assign(c.resourcesVpcConfig, { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24', '::/0'] })) },
    expect: [{ status: 'fail', subject: PROD, message: /::\/0/ }],
  },
  {
    name: 'public access without publicAccessCidrs is AWS\'s default 0.0.0.0/0 and fails',
    files: { 'describe-cluster.json': clusterWith((c) => { c.resourcesVpcConfig.endpointPublicAccess = true; delete c.resourcesVpcConfig.publicAccessCidrs; }) },
    expect: [{ status: 'fail', subject: PROD }],
  },
  {
    name: 'restricted public endpoint with private access off fails',
    files: { 'describe-cluster.json': clusterWith((c) => Object.assign(c.resourcesVpcConfig, { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['198.51.100.7/32'] })) },
    expect: [{ status: 'fail', subject: PROD, message: /private endpoint access is disabled/ }],
  },
]);

testEksControl(eksEndpointPrivate, [
  { name: 'private on, public off passes', expect: [{ status: 'pass', subject: PROD }] },
  {
    name: 'a public endpoint, even restricted, fails',
    files: { 'describe-cluster.json': clusterWith((c) => Object.assign(c.resourcesVpcConfig, { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] })) },
    expect: [{ status: 'fail', subject: PROD, message: /public endpoint access is enabled \(publicAccessCidrs: 203/ }],
  },
  { name: 'public only fails naming both', dir: FAILING, expect: [{ status: 'fail', subject: LEGACY, message: /private endpoint access is disabled; public/ }] },
  {
    name: 'a describe-cluster output without resourcesVpcConfig is an error, never a pass',
    files: { 'describe-cluster.json': clusterWith((c) => { delete c.resourcesVpcConfig; }) },
    expect: [{ status: 'error', subject: PROD }],
  },
]);

testEksControl(eksSecretsKmsEncryption, [
  { name: 'secrets encrypted with a KMS key passes', expect: [{ status: 'pass', subject: PROD, message: /key\/1234abcd/ }] },
  { name: 'no encryptionConfig fails', dir: FAILING, expect: [{ status: 'fail', subject: LEGACY }] },
  {
    name: 'encryptionConfig without a key ARN fails',
    files: { 'describe-cluster.json': clusterWith((c) => { c.encryptionConfig = [{ resources: ['secrets'], provider: {} }]; }) },
    expect: [{ status: 'fail', subject: PROD, message: /names no KMS key/ }],
  },
]);

testEksControl(eksIamUserManagement, [
  { name: 'authenticationMode API and no identity provider passes', expect: [{ status: 'pass', subject: PROD }] },
  {
    name: 'API_AND_CONFIG_MAP passes with a note to finish the move',
    files: { 'describe-cluster.json': clusterWith((c) => { c.accessConfig.authenticationMode = 'API_AND_CONFIG_MAP'; }) },
    expect: [{ status: 'pass', subject: PROD, message: /aws-auth ConfigMap is still honoured/ }],
  },
  { name: 'an OIDC identity provider fails', dir: FAILING, expect: [{ status: 'fail', subject: LEGACY, message: /corp-okta/ }] },
  {
    name: 'CONFIG_MAP only fails',
    files: { 'describe-cluster.json': clusterWith((c) => { c.accessConfig.authenticationMode = 'CONFIG_MAP'; }) },
    expect: [{ status: 'fail', subject: PROD, message: /only in the aws-auth ConfigMap/ }],
  },
  {
    name: 'a cluster description from before access entries (no accessConfig) is CONFIG_MAP and fails',
    files: { 'describe-cluster.json': clusterWith((c) => { delete c.accessConfig; }) },
    expect: [{ status: 'fail', subject: PROD, message: /created before access entries/ }],
  },
  {
    name: 'without list-identity-provider-configs it is manual, never pass',
    files: { 'identity-providers.json': null },
    expect: [{ status: 'manual', subject: PROD, message: /list-identity-provider-configs/ }],
  },
]);

const AWS_AUTH = (groups: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/prod-eks-node
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/ops
      username: ops
      groups: [${groups}]
`;
const PLATFORM_ADMIN = 'EKS cluster prod access-entry arn:aws:iam::111122223333:role/platform-admin';
const viewOnly = {
  clusterName: 'prod',
  principalArn: 'arn:aws:iam::111122223333:role/platform-admin',
  associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster', namespaces: [] } }],
};

testEksControl(eksClusterAdminAccess, [
  { name: 'an access entry with AmazonEKSClusterAdminPolicy is a question; the node entry (EC2_LINUX) is not', expect: [{ status: 'manual', subject: PLATFORM_ADMIN, message: /AmazonEKSClusterAdminPolicy \(whole cluster\)/ }] },
  { name: 'no admin access policy passes', files: { 'access-policies-platform-admin.json': viewOnly }, expect: [{ status: 'pass', subject: PROD, message: /none of the 2 access entries/ }] },
  { name: 'aws-auth mapping a role and a user to system:masters fails', dir: FAILING, expect: [{ status: 'fail', subject: 'ConfigMap kube-system/aws-auth', message: /role\/developers, arn:aws:iam::444455556666:user\/alice to system:masters/ }] },
  {
    name: 'a clean aws-auth passes when the ConfigMap is still honoured',
    files: { 'describe-cluster.json': clusterWith((c) => { c.accessConfig.authenticationMode = 'API_AND_CONFIG_MAP'; }), 'access-policies-platform-admin.json': viewOnly, 'aws-auth.yaml': AWS_AUTH('ops-team') },
    expect: [{ status: 'pass', subject: 'ConfigMap kube-system/aws-auth' }, { status: 'pass', subject: PROD }],
  },
  {
    name: 'in API mode aws-auth is ignored by EKS, so its system:masters is not judged',
    files: { 'access-policies-platform-admin.json': viewOnly, 'aws-auth.yaml': AWS_AUTH('system:masters') },
    expect: [{ status: 'pass', subject: PROD }],
  },
  {
    name: 'API_AND_CONFIG_MAP without the aws-auth ConfigMap asks for it',
    files: { 'describe-cluster.json': clusterWith((c) => { c.accessConfig.authenticationMode = 'API_AND_CONFIG_MAP'; }), 'access-policies-platform-admin.json': viewOnly },
    expect: [{ status: 'manual', subject: PROD, message: /kubectl get configmap aws-auth/ }, { status: 'pass', subject: PROD }],
  },
  {
    name: 'API_AND_CONFIG_MAP and a complete API scan (with ConfigMaps) that found no aws-auth: nothing is mapped through it',
    files: { 'describe-cluster.json': clusterWith((c) => { c.accessConfig.authenticationMode = 'API_AND_CONFIG_MAP'; }), 'access-policies-platform-admin.json': viewOnly },
    kubernetesKinds: ['ServiceAccount', 'ConfigMap', 'Pod'],
    expect: [{ status: 'pass', subject: PROD, message: /no aws-auth ConfigMap/ }, { status: 'pass', subject: PROD }],
  },
  { name: 'access entries not collected is manual', files: { 'access-entries.json': null }, expect: [{ status: 'manual', subject: PROD, message: /list-access-entries/ }] },
]);
