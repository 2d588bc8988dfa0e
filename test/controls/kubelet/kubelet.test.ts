import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Status } from '../../../src/controls/control.js';
import { kubeletControls } from '../../../src/controls/kubelet/index.js';
import { buildComponentConfig, parseVersion, type ComponentConfig } from '../../../src/evidence/component-config/index.js';
import { isRecord } from '../../../src/evidence/kube-object.js';
import { parseYamlDocument, splitYamlDocuments } from '../../../src/sources/manifests/yaml-documents.js';
import { KUBEADM_KUBELET_CONFIG } from '../../sources/node/fixtures.js';
import { statuses } from '../component/family-table.js';

/** A kubelet as the node source builds it: command-line flags over a KubeletConfiguration file. */
function kubelet(args: string[], configYaml?: string, version = 'v1.30.2'): ComponentConfig {
  let configFile;
  if (configYaml !== undefined) {
    const { value, lines } = parseYamlDocument(splitYamlDocuments(configYaml)[0]!);
    assert.ok(isRecord(value));
    configFile = { path: '/var/lib/kubelet/config.yaml', content: value, lineOf: (p: readonly (string | number)[]) => lines.lineOf(value, p) };
  }
  return buildComponentConfig({
    kind: 'kubelet',
    args: [...args, ...(configFile ? ['--config=/var/lib/kubelet/config.yaml'] : [])],
    ...(configFile ? { configFile } : {}),
    version: parseVersion(version)!,
    source: { type: 'process', description: 'test kubelet' },
  });
}

const HARDENED = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: /etc/kubernetes/pki/ca.crt}
authorization: {mode: Webhook}
readOnlyPort: 0
streamingConnectionIdleTimeout: 5m
protectKernelDefaults: true
makeIPTablesUtilChains: true
eventRecordQPS: 5
tlsCertFile: /var/lib/kubelet/pki/kubelet.crt
tlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key
rotateCertificates: true
serverTLSBootstrap: true
tlsCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
podPidsLimit: 4096
seccompDefault: true
`;

interface KubeletCase {
  name: string;
  config: ComponentConfig;
  expect: Record<string, Status>;
}

const cases: KubeletCase[] = [
  {
    name: 'kubeadm v1.30 default config.yaml: defaults satisfy CIS, the STIG wants explicit settings and no staticPodPath',
    config: kubelet(['--kubeconfig=/etc/kubernetes/kubelet.conf'], KUBEADM_KUBELET_CONFIG),
    expect: statuses(kubeletControls, 'pass', {
      fail: [
        'kubelet-read-only-port-explicit',
        'kubelet-streaming-connection-idle-timeout-stig',
        'kubelet-tls-cert-key',
        'kubelet-tls-cipher-suites',
        'kubelet-tls-cipher-suites-cis-1-7',
        'kubelet-pod-pids-limit',
        'kubelet-seccomp-default',
        'kubelet-protect-kernel-defaults',
        'kubelet-static-pod-path',
      ],
      manual: ['kubelet-event-qps'],
    }),
  },
  { name: 'hardened config file', config: kubelet([], HARDENED), expect: statuses(kubeletControls, 'pass', { manual: ['kubelet-event-qps'] }) },
  {
    name: 'flags only: the insecure flag defaults apply (anonymous on, AlwaysAllow, read-only port 10255)',
    config: kubelet(['--kubeconfig=/etc/kubernetes/kubelet.conf']),
    expect: statuses(kubeletControls, 'fail', {
      pass: [
        'kubelet-streaming-connection-idle-timeout',
        'kubelet-make-iptables-util-chains',
        'kubelet-hostname-override',
        'kubelet-rotate-certificates',
        'kubelet-rotate-server-certificates',
        'kubelet-static-pod-path',
        'kubelet-feature-gate-dynamic-auditing',
        'kubelet-feature-gate-dynamic-kubelet-config',
        'kubelet-feature-gate-pod-security',
      ],
      manual: ['kubelet-event-qps'],
    }),
  },
  {
    name: 'command-line flags override the config file (kubelet precedence), each one insecure',
    config: kubelet(
      [
        '--anonymous-auth=true',
        '--authorization-mode=AlwaysAllow',
        '--read-only-port=10255',
        '--streaming-connection-idle-timeout=0',
        '--make-iptables-util-chains=false',
        '--hostname-override=node-a',
        '--event-qps=-1',
        '--tls-cert-file=',
        '--rotate-certificates=false',
        '--rotate-server-certificates=false',
        '--feature-gates=RotateKubeletServerCertificate=false,DynamicAuditing=true,DynamicKubeletConfig=true,PodSecurity=false',
        '--tls-cipher-suites=TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        '--pod-max-pids=-1',
        '--seccomp-default=false',
        '--protect-kernel-defaults=false',
        '--pod-manifest-path=/etc/kubernetes/manifests',
        '--client-ca-file=',
      ],
      HARDENED,
    ),
    expect: statuses(kubeletControls, 'fail'),
  },
  {
    name: 'CIS 1.7–1.11 accept two static-RSA GCM suites that CIS 1.12 does not; a 2m timeout meets CIS, not the STIG',
    config: kubelet(['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_GCM_SHA256', '--streaming-connection-idle-timeout=2m'], HARDENED),
    expect: statuses(kubeletControls, 'pass', {
      fail: ['kubelet-tls-cipher-suites', 'kubelet-streaming-connection-idle-timeout-stig'],
      manual: ['kubelet-event-qps'],
    }),
  },
];

describe('kubelet controls', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(Object.keys(testCase.expect).sort(), kubeletControls.map((c) => c.id).sort(), 'the case must list every kubelet control');
      for (const control of kubeletControls) {
        if (control.scope !== 'component') throw new Error(`${control.id} is not a component control`);
        const checks = control.evaluate(testCase.config, { peers: [] });
        assert.equal(checks.length, 1, control.id);
        assert.equal(checks[0]!.status, testCase.expect[control.id], `${control.id}: ${checks[0]!.message}`);
      }
    });
  }

  it('every control is seen passing and failing', () => {
    for (const control of kubeletControls) {
      const seen = new Set(cases.map((c) => c.expect[control.id]));
      if (control.id === 'kubelet-event-qps') seen.add('pass'); // a judgement: manual or fail, never pass
      assert.ok(seen.has('pass') && seen.has('fail'), `${control.id}: ${[...seen].join(', ')}`);
    }
  });

  it('a 0s streamingConnectionIdleTimeout in the config file is the 4h default, not "no timeout"', () => {
    const [control] = kubeletControls.filter((c) => c.id === 'kubelet-streaming-connection-idle-timeout');
    assert.ok(control && control.scope === 'component');
    const [check] = control.evaluate(kubelet([], KUBEADM_KUBELET_CONFIG), { peers: [] });
    assert.equal(check!.status, 'pass');
    assert.match(check!.message, /4h0m0s/);
    assert.equal(check!.location?.line, 43);
  });

  it('the explicit-setting rules name the default they did not rely on', () => {
    const [control] = kubeletControls.filter((c) => c.id === 'kubelet-read-only-port-explicit');
    assert.ok(control && control.scope === 'component');
    const [check] = control.evaluate(kubelet([], KUBEADM_KUBELET_CONFIG), { peers: [] });
    assert.match(check!.message, /the default would be 0, but the benchmark requires the setting to be written/);
  });
});
