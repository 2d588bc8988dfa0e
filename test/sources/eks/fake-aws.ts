import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/*
 * A loopback stand-in for the EKS (REST-JSON), ECR (JSON 1.1, X-Amz-Target) and EC2 (Query, XML)
 * endpoints, serving the hardened fixture dump. Tests point the SDK at it with --endpoint-url.
 */

export interface Call {
  method: string;
  path: string;
  /** ECR X-Amz-Target or EC2 Action; '' for EKS. */
  operation: string;
}

export type Override = (call: Call, attempt: number) => { status: number; headers?: Record<string, string>; body: string } | undefined;

const DIR = 'test/fixtures/eks/hardened';
const fixture = (file: string) => toWire(JSON.parse(readFileSync(join(DIR, file), 'utf8')));

/** The CLI prints timestamps as ISO text; the wire carries epoch seconds. */
function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /^(createdAt|modifiedAt)$/.test(k) && typeof v === 'string' ? Date.parse(v) / 1000 : toWire(v)]));
  }
  return value;
}

export class FakeAws {
  readonly calls: Call[] = [];
  private readonly attempts = new Map<string, number>();
  private server!: Server;
  url = '';

  constructor(private readonly override: Override = () => undefined) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const target = String(req.headers['x-amz-target'] ?? '');
    const form = new URLSearchParams(req.headers['content-type']?.includes('x-www-form-urlencoded') ? body : '');
    const call: Call = { method: req.method ?? '', path, operation: target.split('.').pop() || form.get('Action') || '' };
    this.calls.push(call);
    const key = `${call.method} ${call.path} ${call.operation}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const answer = this.override(call, attempt) ?? this.answer(call, form);
    res.writeHead(answer.status, { 'x-amzn-requestid': `req-${this.calls.length}`, ...answer.headers });
    res.end(answer.body);
  }

  private answer(call: Call, form: URLSearchParams): { status: number; headers?: Record<string, string>; body: string } {
    const json = (value: unknown, contentType = 'application/json') => ({ status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(value) });
    if (call.operation && !call.path.startsWith('/clusters')) {
      const ecr = (value: unknown) => json(value, 'application/x-amz-json-1.1');
      switch (call.operation) {
        case 'DescribeRepositories': return ecr(fixture('ecr-repositories.json'));
        case 'GetRegistryScanningConfiguration': return ecr(fixture('ecr-scanning.json'));
        case 'GetRepositoryPolicy': return ecr(fixture('ecr-policy-shop-web.json'));
        case 'DescribeSubnets': return xml('DescribeSubnetsResponse', `<subnetSet>${form.getAll('SubnetId.1').concat(form.getAll('SubnetId.2')).map((id) => `<item><subnetId>${id}</subnetId><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><vpcId>vpc-0123456789abcdef0</vpcId></item>`).join('')}</subnetSet>`);
        case 'ListAttachedRolePolicies': {
          const policies: Record<string, string[]> = {
            'prod-eks-node': ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly'],
            'prod-fargate-pod-execution': ['AmazonEKSFargatePodExecutionRolePolicy'],
          };
          const members = (policies[form.get('RoleName') ?? ''] ?? []).map((n) => `<member><PolicyName>${n}</PolicyName><PolicyArn>arn:aws:iam::aws:policy/${n}</PolicyArn></member>`).join('');
          return iamXml('ListAttachedRolePolicies', `<AttachedPolicies>${members}</AttachedPolicies><IsTruncated>false</IsTruncated>`);
        }
        case 'ListRolePolicies':
          return iamXml('ListRolePolicies', '<PolicyNames/><IsTruncated>false</IsTruncated>');
        case 'DescribeLaunchTemplateVersions':
          return xml('DescribeLaunchTemplateVersionsResponse', '<launchTemplateVersionSet><item><launchTemplateId>lt-0abcd1234ef567890</launchTemplateId><launchTemplateName>prod-general</launchTemplateName><versionNumber>3</versionNumber><defaultVersion>true</defaultVersion><launchTemplateData><networkInterfaceSet><item><associatePublicIpAddress>false</associatePublicIpAddress><deviceIndex>0</deviceIndex></item></networkInterfaceSet></launchTemplateData></item></launchTemplateVersionSet>');
      }
      return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'UnknownOperationException', message: call.operation }) };
    }
    const routes: Record<string, () => unknown> = {
      '/clusters/prod': () => fixture('describe-cluster.json'),
      '/clusters/prod/node-groups': () => fixture('list-nodegroups.json'),
      '/clusters/prod/node-groups/general': () => fixture('ng-general.json'),
      '/clusters/prod/fargate-profiles': () => fixture('list-fargate-profiles.json'),
      '/clusters/prod/fargate-profiles/untrusted': () => fixture('fp-untrusted.json'),
      '/clusters/prod/access-entries': () => fixture('access-entries.json'),
      '/clusters/prod/identity-provider-configs': () => fixture('identity-providers.json'),
      '/clusters/prod/pod-identity-associations': () => fixture('pod-identity.json'),
      '/clusters/prod/addons': () => ({ addons: ['coredns', 'kube-proxy', 'vpc-cni'] }),
      '/clusters/prod/addons/vpc-cni': () => fixture('addon-vpc-cni.json'),
    };
    const entry = /^\/clusters\/prod\/access-entries\/(arn:[^/]+\/[^/]+)(\/access-policies)?$/.exec(call.path);
    if (entry) {
      return json(entry[2]
        ? { clusterName: 'prod', principalArn: entry[1], associatedAccessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }] }
        : { accessEntry: { clusterName: 'prod', principalArn: entry[1], type: 'STANDARD', kubernetesGroups: [] } });
    }
    const route = routes[call.path];
    if (call.method === 'GET' && route) return json(route());
    return { status: 404, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }, body: JSON.stringify({ message: `No cluster found for ${call.path}` }) };
  }
}

function xml(root: string, inner: string) {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>${inner}</${root}>`,
  };
}

function iamXml(action: string, result: string) {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** An EKS (REST-JSON) error as the service sends it: the type in x-amzn-ErrorType, the message in the body. */
export function eksError(status: number, type: string, message: string) {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': type }, body: JSON.stringify({ message }) };
}

/** An ECR (JSON 1.1) error: HTTP 400 with __type. */
export function ecrError(type: string, message: string) {
  return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: type, message }) };
}

/** Fake credentials and no instance metadata lookups: the SDK must never leave this machine. */
export function useFakeAwsEnvironment(): void {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/kubeharden-test-aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kubeharden-test-aws-credentials',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
}
