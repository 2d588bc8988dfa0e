import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiserverAuditPolicyContent, auditPolicyVerdict } from '../../../src/controls/apiserver/apiserver-audit-policy-content.js';
import {
  apiserverEncryptionProviderContent,
  encryptionConfigVerdict,
} from '../../../src/controls/apiserver/apiserver-encryption-provider-content.js';
import type { Result } from '../../../src/engine/result.js';
import { evaluateComponents } from '../../../src/engine/scan-components.js';
import { buildComponentConfig, type ComponentConfig } from '../../../src/evidence/component-config/index.js';

const aescbc = { aescbc: { keys: [{ name: 'key1', secret: '<redacted>' }] } };
const encryption = (providers: unknown[], resources = ['secrets']) => ({
  apiVersion: 'apiserver.config.k8s.io/v1',
  kind: 'EncryptionConfiguration',
  resources: [{ resources, providers }],
});

describe('encryption provider configuration content (CIS 1.2.28)', () => {
  const cases: { name: string; content: unknown; status: 'pass' | 'fail' }[] = [
    { name: 'aescbc first passes', content: encryption([aescbc, { identity: {} }]), status: 'pass' },
    { name: 'kms first passes', content: encryption([{ kms: { apiVersion: 'v2', name: 'vault', endpoint: 'unix:///kms.sock' } }, { identity: {} }]), status: 'pass' },
    { name: 'secretbox for every core resource ("*.") passes', content: encryption([{ secretbox: {} }], ['*.']), status: 'pass' },
    { name: 'identity first fails: Secrets are written unencrypted', content: encryption([{ identity: {} }, aescbc]), status: 'fail' },
    { name: 'aesgcm is not one of the providers CIS names', content: encryption([{ aesgcm: {} }]), status: 'fail' },
    { name: 'an entry for configmaps only leaves Secrets unencrypted', content: encryption([aescbc], ['configmaps']), status: 'fail' },
    { name: 'not an EncryptionConfiguration', content: { kind: 'Policy' }, status: 'fail' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(encryptionConfigVerdict(c.content, '/etc/kubernetes/enc.yaml').status, c.status));
  }
});

describe('audit policy content (STIG V-242403)', () => {
  const policy = (rules: unknown[]) => ({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules });
  const cases: { name: string; content: unknown; status: 'pass' | 'fail' }[] = [
    { name: 'the STIG policy passes', content: policy([{ level: 'RequestResponse' }]), status: 'pass' },
    { name: 'Metadata for secrets before the catch-all still audits them', content: policy([{ level: 'Metadata', resources: [{ group: '', resources: ['secrets'] }] }, { level: 'RequestResponse' }]), status: 'pass' },
    { name: 'a catch-all at Metadata fails', content: policy([{ level: 'Metadata' }]), status: 'fail' },
    { name: 'a level None rule before the catch-all fails', content: policy([{ level: 'None', users: ['system:kube-proxy'] }, { level: 'RequestResponse' }]), status: 'fail' },
    { name: 'no catch-all rule fails', content: policy([{ level: 'RequestResponse', resources: [{ group: '', resources: ['pods'] }] }]), status: 'fail' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(auditPolicyVerdict(c.content, '/etc/kubernetes/audit.yaml').status, c.status));
  }
});

/** An API server found on a node by the node source, with the files its flags name. */
function nodeApiserver(files: Record<string, { content?: unknown; error?: string }>): ComponentConfig {
  const config = buildComponentConfig({
    kind: 'kube-apiserver',
    args: ['--encryption-provider-config=/etc/kubernetes/enc/enc.yaml', '--audit-policy-file=/etc/kubernetes/audit/policy.yaml'],
    locateArg: (index) => ({ file: '/etc/kubernetes/manifests/kube-apiserver.yaml', line: 20 + index }),
    source: { type: 'pod', description: 'static pod', file: '/etc/kubernetes/manifests/kube-apiserver.yaml' },
  });
  for (const [path, file] of Object.entries(files)) config.referencedFiles.set(path, { path, ...file });
  return config;
}

describe('content controls on a node: the evidence decides pass, manual or error', () => {
  const run = (config: ComponentConfig): Result[] => {
    const results: Result[] = [];
    evaluateComponents([apiserverEncryptionProviderContent, apiserverAuditPolicyContent], [config], 'cp1', (r) => results.push(r));
    return results;
  };
  it('files read: pass and fail from their content, subject is the component on the node with the file', () => {
    const results = run(nodeApiserver({
      '/etc/kubernetes/enc/enc.yaml': { content: encryption([aescbc]) },
      '/etc/kubernetes/audit/policy.yaml': { content: { kind: 'Policy', rules: [{ level: 'Metadata' }] } },
    }));
    assert.deepEqual(results.map((r) => [r.control, r.status]), [
      ['apiserver-encryption-provider-content', 'pass'],
      ['apiserver-audit-policy-content', 'fail'],
    ]);
    assert.deepEqual(results[1]!.subject, { type: 'component', kind: 'kube-apiserver', node: 'cp1', file: '/etc/kubernetes/audit/policy.yaml' });
    assert.ok(results[1]!.remediation?.includes('RequestResponse'));
  });
  it('files not provided: manual, never pass', () => {
    assert.deepEqual(run(nodeApiserver({})).map((r) => r.status), ['manual', 'manual']);
  });
  it('files unreadable: error', () => {
    const results = run(nodeApiserver({ '/etc/kubernetes/enc/enc.yaml': { error: 'EACCES: permission denied' }, '/etc/kubernetes/audit/policy.yaml': { error: 'not YAML: line 3' } }));
    assert.deepEqual(results.map((r) => r.status), ['error', 'error']);
    assert.match(results[0]!.message, /EACCES/);
  });
});

describe('a config file the node source could not read', () => {
  it('flags that may be set in it are errors, not passes', async () => {
    const { schedulerProfiling } = await import('../../../src/controls/scheduler/scheduler-profiling.js');
    const config = buildComponentConfig({
      kind: 'kube-scheduler',
      args: ['--config=/etc/kubernetes/scheduler.yaml'],
      configFile: { path: '/etc/kubernetes/scheduler.yaml', error: 'EACCES: permission denied' },
      source: { type: 'process', description: 'pid 9' },
    });
    const results: Result[] = [];
    evaluateComponents([schedulerProfiling], [config], 'cp1', (r) => results.push(r));
    assert.deepEqual(results.map((r) => r.status), ['error']);
    assert.equal(results[0]!.subject.type === 'component' ? results[0]!.subject.file : undefined, '/etc/kubernetes/scheduler.yaml');
  });
  it('a setting read from the config file is reported with its field, value and file line', async () => {
    const { schedulerProfiling } = await import('../../../src/controls/scheduler/scheduler-profiling.js');
    const config = buildComponentConfig({
      kind: 'kube-scheduler',
      args: ['--config=/etc/kubernetes/scheduler.yaml', '--profiling=false'],
      configFile: { path: '/etc/kubernetes/scheduler.yaml', content: { enableProfiling: true }, lineOf: () => 3 },
      source: { type: 'process', description: 'pid 9' },
    });
    const results: Result[] = [];
    evaluateComponents([schedulerProfiling], [config], 'cp1', (r) => results.push(r));
    assert.equal(results[0]!.status, 'fail');
    assert.match(results[0]!.message, /^enableProfiling: true in \/etc\/kubernetes\/scheduler.yaml/);
    assert.deepEqual(results[0]!.subject, { type: 'component', kind: 'kube-scheduler', node: 'cp1', file: '/etc/kubernetes/scheduler.yaml', line: 3 });
  });
  it('controls that read files say which (needsFiles), for the node source', () => {
    assert.deepEqual(apiserverEncryptionProviderContent.needsFiles, ['encryption-provider-config']);
    assert.deepEqual(apiserverAuditPolicyContent.needsFiles, ['audit-policy-file']);
  });
});
