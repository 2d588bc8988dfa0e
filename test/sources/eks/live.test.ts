import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { CATALOG } from '../../../src/controls/catalog.js';
import type { ResultsDocument } from '../../../src/engine/result.js';
import { scanEks } from '../../../src/engine/scan-eks.js';
import { collectEksLive } from '../../../src/sources/eks/live.js';
import { ecrError, eksError, FakeAws, useFakeAwsEnvironment } from './fake-aws.js';

useFakeAwsEnvironment();

const READ_ONLY = /^(Describe|List|Get)/;

describe('EKS live source (AWS SDK against a loopback endpoint)', () => {
  it('collects the hardened cluster with read-only calls and reaches the same verdicts as the CLI dump', async () => {
    const aws = await new FakeAws().start();
    try {
      const evidence = await collectEksLive({ clusterName: 'prod', endpointUrl: aws.url });
      assert.equal(evidence.region, 'eu-west-1');
      assert.equal(evidence.cluster.state, 'present');
      assert.equal(evidence.subnets.get('subnet-0a1b2c3d4e5f60001')?.MapPublicIpOnLaunch, false);
      assert.equal(evidence.repositoryPolicies.get('shop/web')?.state, 'present');
      for (const call of aws.calls) {
        if (call.path.startsWith('/clusters')) assert.equal(call.method, 'GET', `${call.method} ${call.path}`);
        else assert.match(call.operation, READ_ONLY, call.operation);
      }
      const statuses = Object.fromEntries(scanEks(CATALOG, evidence).filter((r) => r.subject.type === 'eks-cluster').map((r) => [`${r.control} ${r.subject.type === 'eks-cluster' ? r.subject.resource?.name ?? '' : ''}`.trim(), r.status]));
      assert.deepEqual(
        {
          audit: statuses['eks-audit-logging'], endpoint: statuses['eks-endpoint-private'], restricted: statuses['eks-endpoint-access-restricted'],
          kms: statuses['eks-secrets-kms-encryption'], nodes: statuses['eks-private-nodes general'], scanning: statuses['eks-ecr-image-scanning shop/web'],
          iam: statuses['eks-iam-user-management'], netpol: statuses['eks-network-policy-enforcement'],
          ecrNode: statuses['eks-ecr-read-only-node-access general'], ecrFargate: statuses['eks-ecr-read-only-node-access untrusted'],
        },
        { audit: 'pass', endpoint: 'pass', restricted: 'pass', kms: 'pass', nodes: 'pass', scanning: 'pass', iam: 'pass', netpol: 'pass', ecrNode: 'pass', ecrFargate: 'pass' },
      );
    } finally {
      await aws.stop();
    }
  });

  it('retries a throttled call (429 ThrottlingException) and then uses its answer', async () => {
    const aws = await new FakeAws((call, attempt) =>
      call.path === '/clusters/prod' && attempt === 1 ? eksError(429, 'ThrottlingException', 'Rate exceeded') : undefined).start();
    try {
      const evidence = await collectEksLive({ clusterName: 'prod', endpointUrl: aws.url });
      assert.equal(evidence.cluster.state, 'present');
      assert.equal(aws.calls.filter((c) => c.path === '/clusters/prod').length, 2);
    } finally {
      await aws.stop();
    }
  });

  it('gives up on a call that stays throttled after the bounded attempts, as an error', async () => {
    const aws = await new FakeAws((call) =>
      call.path === '/clusters/prod/addons' ? eksError(429, 'ThrottlingException', 'Rate exceeded') : undefined).start();
    try {
      const evidence = await collectEksLive({ clusterName: 'prod', endpointUrl: aws.url, maxAttempts: 2 });
      assert.equal(aws.calls.filter((c) => c.path === '/clusters/prod/addons').length, 2);
      assert.equal(evidence.addonNames.state, 'error');
      assert.match(evidence.addonNames.state === 'error' ? evidence.addonNames.message : '', /eks:ListAddons failed: ThrottlingException \(HTTP 429\)/);
    } finally {
      await aws.stop();
    }
  });

  it('reports AccessDenied as error results naming the call, never as pass; a missing repository policy is no error', async () => {
    const aws = await new FakeAws((call) => {
      if (call.path === '/clusters/prod/node-groups/general') {
        return eksError(403, 'AccessDeniedException', 'User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: eks:DescribeNodegroup on resource: arn:aws:eks:eu-west-1:111122223333:nodegroup/prod/general/*');
      }
      if (call.operation === 'GetRegistryScanningConfiguration') return ecrError('AccessDeniedException', 'User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: ecr:GetRegistryScanningConfiguration');
      if (call.operation === 'GetRepositoryPolicy') return ecrError('RepositoryPolicyNotFoundException', "Repository policy does not exist for the repository with name 'shop/web'");
      return undefined;
    }).start();
    try {
      const evidence = await collectEksLive({ clusterName: 'prod', endpointUrl: aws.url });
      const results = scanEks(CATALOG, evidence);
      const nodes = results.find((r) => r.control === 'eks-private-nodes')!;
      assert.equal(nodes.status, 'error');
      assert.match(nodes.message, /eks:DescribeNodegroup failed: AccessDeniedException \(HTTP 403\)/);
      const scanning = results.find((r) => r.control === 'eks-ecr-image-scanning')!;
      assert.equal(scanning.status, 'error');
      assert.match(scanning.message, /ecr:GetRegistryScanningConfiguration failed: AccessDeniedException/);
      const access = results.find((r) => r.control === 'eks-ecr-access-minimized')!;
      assert.equal(access.status, 'manual');
      assert.match(access.message, /has no repository policy/);
    } finally {
      await aws.stop();
    }
  });

  it('the CLI scans the hardened cluster live with --objects for its Kubernetes side: nothing fails', async () => {
    const aws = await new FakeAws().start();
    try {
      const child = spawn(process.execPath, ['dist/src/cli/main.js', 'eks', '--cluster', 'prod', '--endpoint-url', aws.url, '--objects', 'test/fixtures/eks/hardened/k8s-objects.yaml', '--format', 'json'], { env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const document = JSON.parse(stdout) as ResultsDocument;
      assert.deepEqual(document.results.filter((r) => r.status === 'fail' || r.status === 'error'), []);
      assert.equal(code, 0);
      const tls = document.results.filter((r) => r.control === 'eks-load-balancer-tls').map((r) => [r.status, r.subject.type === 'resource' ? `${r.subject.kind} ${r.subject.name}` : '']);
      assert.deepEqual(tls, [['pass', 'Service web'], ['pass', 'Ingress shop']]);
    } finally {
      await aws.stop();
    }
  });

  it('the CLI scans live with --endpoint-url and exits 2 when a call is denied', async () => {
    const aws = await new FakeAws((call) =>
      call.path === '/clusters/prod' ? eksError(403, 'AccessDeniedException', 'User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: eks:DescribeCluster') : undefined).start();
    try {
      const child = spawn(process.execPath, ['dist/src/cli/main.js', 'eks', '--cluster', 'prod', '--region', 'eu-west-1', '--endpoint-url', aws.url, '--format', 'json'], { env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 2);
      const document = JSON.parse(stdout) as ResultsDocument;
      const audit = document.results.find((r) => r.control === 'eks-audit-logging')!;
      assert.equal(audit.status, 'error');
      assert.match(audit.message, /eks:DescribeCluster failed: AccessDeniedException/);
      assert.deepEqual(document.scan.targets[0], { type: 'eks', endpointUrl: aws.url, cluster: 'prod', region: 'eu-west-1' });
      const fromDescription = ['eks-audit-logging', 'eks-endpoint-private', 'eks-endpoint-access-restricted', 'eks-secrets-kms-encryption', 'eks-iam-user-management'];
      assert.deepEqual(document.results.filter((r) => fromDescription.includes(r.control)).map((r) => r.status), fromDescription.map(() => 'error'));
    } finally {
      await aws.stop();
    }
  });
});
