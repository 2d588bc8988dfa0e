import { eksApprovedRegistries } from '../../../src/controls/eks/approved-registries.js';
import { eksDedicatedServiceAccounts } from '../../../src/controls/eks/dedicated-service-accounts.js';
import { eksLoadBalancerTls } from '../../../src/controls/eks/load-balancer-tls.js';
import { eksNetworkPolicyEnforcement } from '../../../src/controls/eks/network-policy-enforcement.js';
import { FAILING, hardened, testEksControl } from './eks-tester.js';

const AWS_NODE = (args: string) => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: aws-node, namespace: kube-system}
spec:
  template:
    spec:
      containers:
      - name: aws-node
        image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1
      - name: aws-network-policy-agent
        image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.6-eksbuild.1
        args: [${args}]
`;
const NO_ADDON = { 'addon-vpc-cni.json': null };

testEksControl(eksNetworkPolicyEnforcement, [
  { name: 'the vpc-cni add-on with enableNetworkPolicy passes', expect: [{ status: 'pass', subject: 'EKS cluster prod', message: /enableNetworkPolicy/ }] },
  { name: 'the aws-node agent with --enable-network-policy=true passes', files: { ...NO_ADDON, 'k8s-objects.yaml': AWS_NODE('--enable-network-policy=true') }, expect: [{ status: 'pass', subject: 'DaemonSet kube-system/aws-node' }] },
  {
    name: 'Calico passes whatever the VPC CNI does',
    files: { ...NO_ADDON, 'k8s-objects.yaml': AWS_NODE('--enable-network-policy=false') + '---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: calico-node, namespace: calico-system}\nspec: {template: {spec: {containers: [{name: calico-node, image: quay.io/calico/node:v3.29.1}]}}}\n' },
    expect: [{ status: 'pass', subject: 'DaemonSet calico-system/calico-node', message: /Calico/ }],
  },
  { name: 'the agent disabled and no other plugin fails', dir: FAILING, expect: [{ status: 'fail', subject: 'DaemonSet kube-system/aws-node', message: /--enable-network-policy=false/ }] },
  { name: 'the agent without the flag is off by default and fails', files: { ...NO_ADDON, 'k8s-objects.yaml': AWS_NODE('--enable-ipv6=false') }, expect: [{ status: 'fail', subject: 'DaemonSet kube-system/aws-node', message: /default false/ }] },
  { name: 'no add-on and no Kubernetes objects is manual', files: { ...NO_ADDON, 'k8s-objects.yaml': null }, expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /--with-cluster/ }] },
  {
    name: 'objects without any network plugin DaemonSet are manual',
    files: { ...NO_ADDON, 'k8s-objects.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: b}\n' },
    expect: [{ status: 'manual', subject: 'EKS cluster prod' }],
  },
]);

const service = (annotations: string, ports: string) => `
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  annotations: {${annotations}}
spec:
  type: LoadBalancer
  ports: [${ports}]
`;
const CERT = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:111122223333:certificate/abc';

testEksControl(eksLoadBalancerTls, [
  { name: 'an NLB with a certificate and an ALB with HTTPS and redirect pass', expect: [{ status: 'pass', subject: 'Service shop/web' }, { status: 'pass', subject: 'Ingress shop/shop' }] },
  { name: 'plain HTTP Service and nginx Ingress without tls fail', dir: FAILING, expect: [{ status: 'fail', subject: 'Service media/uploader' }, { status: 'fail', subject: 'Ingress media/media' }] },
  {
    name: 'a certificate limited by ssl-ports leaves port 80 plain and fails',
    files: { 'k8s-objects.yaml': service(`${CERT}, service.beta.kubernetes.io/aws-load-balancer-ssl-ports: "443"`, '{name: http, port: 80}, {name: https, port: 443}') },
    expect: [{ status: 'fail', subject: 'Service shop/api', message: /not on port\(s\) http/ }],
  },
  { name: 'a certificate on every port passes', files: { 'k8s-objects.yaml': service(CERT, '{port: 443}, {port: 8443}') }, expect: [{ status: 'pass', subject: 'Service shop/api' }] },
  { name: 'TCP pass-through on 443 is a question', files: { 'k8s-objects.yaml': service('', '{port: 443}') }, expect: [{ status: 'manual', subject: 'Service shop/api', message: /terminate TLS itself/ }] },
  {
    name: 'an ALB with HTTP and HTTPS but no redirect fails',
    files: { 'k8s-objects.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:111122223333:certificate/abc\nspec:\n  ingressClassName: alb\n' },
    expect: [{ status: 'fail', subject: 'Ingress shop/web', message: /plain HTTP without/ }],
  },
  { name: 'no load balancer at all is not applicable', files: { 'k8s-objects.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {type: ClusterIP, ports: [{port: 5432}]}\n' }, expect: [{ status: 'not-applicable', subject: 'EKS cluster prod' }] },
]);

const GENERAL = 'EKS cluster prod nodegroup general';
const IMDS_OK = { status: 'pass' as const, subject: GENERAL, message: /hop limit of 1/ };
const metadataOptions = (options: Record<string, unknown>) => {
  const output = hardened('lt-versions.json');
  output.LaunchTemplateVersions[0].LaunchTemplateData.MetadataOptions = options;
  return output;
};

testEksControl(eksDedicatedServiceAccounts, [
  {
    name: 'IMDSv2 with hop limit 1 on the nodes; IRSA and Pod Identity service accounts pass (aws-node\'s role comes from the add-on, not judged)',
    expect: [IMDS_OK, { status: 'pass', subject: 'Deployment shop/web', message: /IRSA role/ }, { status: 'pass', subject: 'Deployment shop/orders', message: /Pod Identity/ }],
  },
  {
    name: 'static AWS keys in the environment fail; a node group without its own launch template is a question',
    dir: FAILING,
    expect: [{ status: 'manual', subject: 'EKS cluster legacy nodegroup workers', message: /no launch template of its own/ }, { status: 'fail', subject: 'Deployment media/uploader', message: /AWS_ACCESS_KEY_ID/ }],
  },
  {
    name: 'a hop limit of 2 lets pods take the node role and fails',
    files: { 'lt-versions.json': metadataOptions({ HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' }) },
    expect: [{ status: 'fail', subject: GENERAL, message: /HttpPutResponseHopLimit is 2/ }, { status: 'pass', subject: 'Deployment shop/web' }, { status: 'pass', subject: 'Deployment shop/orders' }],
  },
  {
    name: 'IMDSv1 allowed fails',
    files: { 'lt-versions.json': metadataOptions({ HttpTokens: 'optional', HttpPutResponseHopLimit: 1 }) },
    expect: [{ status: 'fail', subject: GENERAL, message: /IMDSv1 is allowed/ }, { status: 'pass', subject: 'Deployment shop/web' }, { status: 'pass', subject: 'Deployment shop/orders' }],
  },
  {
    name: 'without the Pod Identity associations the orders Deployment is not credited',
    files: { 'pod-identity.json': null },
    expect: [IMDS_OK, { status: 'pass', subject: 'Deployment shop/web' }],
  },
  {
    name: 'no workload with an AWS identity is a question about the node role',
    files: { 'k8s-objects.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: app}\nspec: {containers: [{name: c, image: nginx:1.27}]}\n' },
    expect: [IMDS_OK, { status: 'manual', subject: 'EKS cluster prod', message: /instance role/ }],
  },
  { name: 'no Kubernetes objects is manual', files: { 'k8s-objects.yaml': null }, expect: [IMDS_OK, { status: 'manual', subject: 'EKS cluster prod', message: /kubectl get/ }] },
]);

const ECR = '111122223333.dkr.ecr.eu-west-1.amazonaws.com';
testEksControl(eksApprovedRegistries, [
  { name: 'without an allow-list the registries in use are listed as a question', expect: [{ status: 'manual', subject: 'EKS cluster prod', message: /111122223333\.dkr\.ecr.*602401143452/ }] },
  {
    name: 'with an allow-list each container is judged',
    approvedRegistries: [ECR],
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [app]' },
      { status: 'pass', subject: 'Deployment shop/orders [app]' },
      { status: 'fail', subject: 'DaemonSet kube-system/aws-node [aws-node]', message: /602401143452/ },
      { status: 'fail', subject: 'DaemonSet kube-system/aws-node [aws-network-policy-agent]' },
    ],
  },
  {
    name: 'a bare image name is Docker Hub',
    approvedRegistries: [ECR],
    files: { 'k8s-objects.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: app}\nspec: {containers: [{name: c, image: nginx:1.27}]}\n' },
    expect: [{ status: 'fail', subject: 'Pod app/p [c]', message: /docker\.io/ }],
  },
]);
