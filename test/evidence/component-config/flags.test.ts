import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildComponentConfig,
  componentOfArgv,
  componentOfImage,
  effectiveSetting,
  parseDurationSeconds,
  parseFlags,
  parseVersion,
  splitShellWords,
} from '../../../src/evidence/component-config/index.js';

const source = { type: 'process' as const, description: 'test' };

describe('parseFlags (pflag syntax)', () => {
  const cases: { argv: string[]; booleans?: string[]; flags: [string, string][]; positional?: string[] }[] = [
    { argv: ['--a=b'], flags: [['a', 'b']] },
    { argv: ['--a', 'b'], flags: [['a', 'b']] },
    { argv: ['--a='], flags: [['a', '']] },
    { argv: ['--a=x=y'], flags: [['a', 'x=y']] },
    { argv: ['--flag'], flags: [['flag', 'true']] },
    { argv: ['--flag', '--other=1'], flags: [['flag', 'true'], ['other', '1']] },
    { argv: ['--profiling=false'], booleans: ['profiling'], flags: [['profiling', 'false']] },
    // pflag never lets a boolean consume the next argument: `--profiling false` is profiling=true.
    { argv: ['--profiling', 'false'], booleans: ['profiling'], flags: [['profiling', 'true']], positional: ['false'] },
    { argv: ['-name=x'], flags: [['name', 'x']] },
    { argv: ['--a=1', '--', '--b=2'], flags: [['a', '1']], positional: ['--b=2'] },
    { argv: ['pos', '--a=1'], flags: [['a', '1']], positional: ['pos'] },
  ];
  for (const c of cases) {
    it(c.argv.join(' '), () => {
      const parsed = parseFlags(c.argv, { booleanFlags: new Set(c.booleans ?? []) });
      assert.deepEqual(parsed.occurrences.map((o) => [o.name, o.value]), c.flags);
      assert.deepEqual(parsed.positional, c.positional ?? []);
    });
  }
  it('argIndex counts from the offset', () => {
    assert.deepEqual(parseFlags(['--a', 'b', '--c'], { indexOffset: 1 }).occurrences.map((o) => o.argIndex), [1, 3]);
  });
});

describe('repeated flags', () => {
  const build = (args: string[]) => buildComponentConfig({ kind: 'kube-apiserver', args, source });
  it('a scalar flag: the last one wins, the earlier is remembered', () => {
    const s = build(['--profiling=true', '--profiling=false']).settings.get('profiling')!;
    assert.equal(s.value, 'false');
    assert.equal(s.overridden?.length, 1);
  });
  it('a list flag accumulates (pflag StringSlice)', () => {
    assert.deepEqual(build(['--enable-admission-plugins=NodeRestriction', '--enable-admission-plugins=EventRateLimit,AlwaysPullImages']).settings.get('enable-admission-plugins')?.value,
      ['NodeRestriction', 'EventRateLimit', 'AlwaysPullImages']);
  });
  it('feature gates merge, later key wins', () => {
    assert.deepEqual(build(['--feature-gates=A=true,B=false', '--feature-gates=B=true']).settings.get('feature-gates')?.value, { A: 'true', B: 'true' });
  });
  it('comma lists are trimmed', () => {
    assert.deepEqual(build(['--authorization-mode=Node, RBAC']).settings.get('authorization-mode')?.value, ['Node', 'RBAC']);
  });
});

describe('etcd environment and config file', () => {
  it('ETCD_* variables set flags; a command-line flag wins over its variable', () => {
    const config = buildComponentConfig({
      kind: 'etcd',
      args: ['--client-cert-auth=true'],
      env: { ETCD_CLIENT_CERT_AUTH: 'false', ETCD_PEER_AUTO_TLS: 'true', OTHER: 'x' },
      source,
    });
    assert.equal(config.settings.get('client-cert-auth')?.value, 'true');
    assert.equal(config.settings.get('peer-auto-tls')?.origin.type, 'env');
    assert.equal(config.settings.has('other'), false);
  });
  it('--config-file: flags and environment are ignored, TLS settings read from the transport sections', () => {
    const config = buildComponentConfig({
      kind: 'etcd',
      args: ['--config-file=/etc/etcd/etcd.yaml', '--client-cert-auth=false'],
      env: { ETCD_AUTO_TLS: 'true' },
      configFile: { path: '/etc/etcd/etcd.yaml', content: { 'client-transport-security': { 'client-cert-auth': true } } },
      source,
    });
    assert.equal(config.settings.get('client-cert-auth')?.value, true);
    assert.equal(config.settings.get('client-cert-auth')?.origin.type, 'config-file');
    assert.equal(config.settings.has('auto-tls'), false);
  });
});

describe('kubelet: flags override the config file; defaults depend on it', () => {
  const file = { path: '/var/lib/kubelet/config.yaml', content: { readOnlyPort: 10255, authentication: { anonymous: { enabled: false } } } };
  it('a flag wins over the file', () => {
    const config = buildComponentConfig({ kind: 'kubelet', args: ['--config=/var/lib/kubelet/config.yaml', '--read-only-port=0'], configFile: file, source });
    assert.equal(config.settings.get('read-only-port')?.value, '0');
    assert.equal(config.settings.get('anonymous-auth')?.value, false);
  });
  it('unset read-only-port: 0 with a config file, 10255 without', () => {
    const withFile = buildComponentConfig({ kind: 'kubelet', args: ['--config=/c.yaml'], configFile: { path: '/c.yaml', content: {} }, source });
    assert.equal(effectiveSetting(withFile, 'read-only-port').value, 0);
    const flagsOnly = buildComponentConfig({ kind: 'kubelet', args: [], source });
    assert.equal(effectiveSetting(flagsOnly, 'read-only-port').value, '10255');
    assert.equal(effectiveSetting(flagsOnly, 'anonymous-auth').value, true);
  });
});

describe('kube-scheduler: --config makes deprecated flags ignored', () => {
  it('--profiling is ignored when the file is used', () => {
    const config = buildComponentConfig({
      kind: 'kube-scheduler',
      args: ['--config=/etc/kubernetes/scheduler.yaml', '--profiling=false'],
      configFile: { path: '/etc/kubernetes/scheduler.yaml', content: {} },
      source,
    });
    assert.equal(config.settings.has('profiling'), false);
    assert.equal(effectiveSetting(config, 'profiling').value, true);
  });
});

describe('kube-scheduler and kube-proxy config files', () => {
  it('enableProfiling in the KubeSchedulerConfiguration is the profiling setting, with its line', () => {
    const config = buildComponentConfig({
      kind: 'kube-scheduler',
      args: ['--config=/etc/kubernetes/scheduler.yaml', '--bind-address=127.0.0.1'],
      configFile: { path: '/etc/kubernetes/scheduler.yaml', content: { enableProfiling: false }, lineOf: () => 4 },
      source,
    });
    const profiling = config.settings.get('profiling')!;
    assert.equal(profiling.value, false);
    assert.deepEqual(profiling.origin, { type: 'config-file', file: '/etc/kubernetes/scheduler.yaml', field: 'enableProfiling', location: { file: '/etc/kubernetes/scheduler.yaml', line: 4 } });
    assert.equal(config.settings.get('bind-address')?.value, '127.0.0.1');
  });
  it('an empty string in a config file means the default (Go defaulting)', () => {
    const config = buildComponentConfig({
      kind: 'kube-proxy',
      args: ['--config=/var/lib/kube-proxy/config.conf'],
      configFile: { path: '/var/lib/kube-proxy/config.conf', content: { metricsBindAddress: '' } },
      source,
    });
    assert.equal(effectiveSetting(config, 'metrics-bind-address').value, '127.0.0.1:10249');
  });
});

describe('defaults by version', () => {
  const at = (version?: string) =>
    buildComponentConfig({ kind: 'kube-apiserver', args: [], source, ...(version ? { version: parseVersion(version)! } : {}) });
  it('--insecure-port: 8080 before v1.20, 0 after; unknown version assumes 8080', () => {
    assert.equal(effectiveSetting(at('v1.19.4'), 'insecure-port').value, '8080');
    assert.equal(effectiveSetting(at('v1.29.0'), 'insecure-port').value, '0');
    const unknown = effectiveSetting(at(), 'insecure-port');
    assert.equal(unknown.value, '8080');
    assert.equal(unknown.state === 'default' && unknown.default.assumed, true);
  });
  it('PodSecurity is default-enabled from v1.23', () => {
    const plugins = (v: string) => effectiveSetting(at(v), 'enable-admission-plugins').value as string[];
    assert.equal(plugins('v1.22.0').includes('PodSecurity'), false);
    assert.equal(plugins('v1.29.0').includes('PodSecurity'), true);
    assert.equal(plugins('v1.29.0').includes('NodeRestriction'), false);
  });
  it('profiling, anonymous-auth default true; authorization-mode AlwaysAllow; request-timeout 60s', () => {
    assert.equal(effectiveSetting(at('v1.30.1'), 'profiling').value, true);
    assert.equal(effectiveSetting(at('v1.30.1'), 'anonymous-auth').value, true);
    assert.deepEqual(effectiveSetting(at('v1.30.1'), 'authorization-mode').value, ['AlwaysAllow']);
    assert.equal(parseDurationSeconds(String(effectiveSetting(at('v1.30.1'), 'request-timeout').value)), 60);
  });
});

describe('recognition and helpers', () => {
  it('components from argv and image', () => {
    assert.deepEqual(componentOfArgv(['/usr/local/bin/kube-apiserver', '--x']), { kind: 'kube-apiserver', argsStart: 1 });
    assert.deepEqual(componentOfArgv(['hyperkube', 'apiserver']), { kind: 'kube-apiserver', argsStart: 2 });
    assert.equal(componentOfArgv(['scheduler']), undefined);
    assert.equal(componentOfImage('gcr.io/google_containers/kube-apiserver-amd64:v1.6.0'), 'kube-apiserver');
    assert.equal(componentOfImage('registry.k8s.io/etcd:3.5.12-0'), 'etcd');
    assert.equal(componentOfImage('nginx:1.27'), undefined);
  });
  it('versions', () => {
    assert.deepEqual(parseVersion('v1.32.11-rke2r1'), { major: 1, minor: 32, patch: 11, raw: 'v1.32.11-rke2r1' });
    assert.equal(parseVersion('latest'), undefined);
  });
  it('durations', () => {
    assert.equal(parseDurationSeconds('1m30s'), 90);
    assert.equal(parseDurationSeconds('300'), 300);
    assert.equal(parseDurationSeconds('4h0m0s'), 14400);
    assert.equal(parseDurationSeconds('soon'), undefined);
  });
  it('shell words', () => {
    assert.deepEqual(splitShellWords(`kube-apiserver --a="x y" --b='z' \\\n  --c=d`), ['kube-apiserver', '--a=x y', '--b=z', '--c=d']);
  });
});
