import { apiserverControls } from '../../../src/controls/apiserver/index.js';
import { statuses, testFamily } from './family-table.js';
import { KUBEADM, RKE2_CIS_APISERVER, staticPod } from './kubeadm-manifests.js';

/** A pre-v1.20 API server with every insecure option the benchmarks name. */
const LEGACY_INSECURE = staticPod('kube-apiserver', 'v1.19.16', [
  '--insecure-port=8080',
  '--insecure-bind-address=0.0.0.0',
  '--secure-port=0',
  '--anonymous-auth=true',
  '--basic-auth-file=/etc/kubernetes/basic.csv',
  '--token-auth-file=/etc/kubernetes/tokens.csv',
  '--authorization-mode=AlwaysAllow',
  '--enable-admission-plugins=AlwaysAdmit',
  '--disable-admission-plugins=ServiceAccount,NamespaceLifecycle,ValidatingAdmissionWebhook',
  '--feature-gates=AllAlpha=true,DynamicAuditing=true',
  '--request-timeout=0',
  '--service-account-lookup=false',
  '--tls-min-version=VersionTLS10',
  '--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA,TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  '--audit-log-maxage=7',
  '--audit-log-maxbackup=1',
  '--audit-log-maxsize=10',
  '--profiling',
]);

/** v1.26 with SecurityContextDeny (CIS 1.8 1.2.12), CBC/RSA ciphers from the CIS v1.7 list, and little else. */
const V126_SECURITY_CONTEXT_DENY = staticPod('kube-apiserver', 'v1.26.15', [
  '--enable-admission-plugins=NodeRestriction,SecurityContextDeny',
  '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_128_GCM_SHA256',
  '--feature-gates=DynamicKubeletConfig=true',
]);

const APISERVER_POD = 'Pod kube-system/kube-apiserver-cp1 [kube-apiserver]';

const CONTENT_ON_NODE_ONLY = {
  'apiserver-encryption-provider-content': 'test/controls/component/file-content.test.ts',
  'apiserver-audit-policy-content': 'test/controls/component/file-content.test.ts',
};

/** What kubeadm's default API server fails, whatever its version from v1.29 to v1.31. */
const KUBEADM_DEFAULT_FAILS = [
  'apiserver-anonymous-auth',
  'apiserver-admission-deny-service-external-ips',
  'apiserver-kubelet-certificate-authority',
  'apiserver-admission-event-rate-limit',
  'apiserver-admission-always-pull-images',
  'apiserver-profiling',
  'apiserver-audit-log-path',
  'apiserver-audit-log-maxage',
  'apiserver-audit-log-maxbackup',
  'apiserver-audit-log-maxsize',
  'apiserver-encryption-provider-config',
  'apiserver-service-account-extend-token-expiration',
  'apiserver-tls-min-version',
  'apiserver-admission-control-config-file',
  'apiserver-audit-policy-file',
  'apiserver-encryption-provider-content',
  'apiserver-tls-cipher-suites-cis-1-7',
  'apiserver-tls-cipher-suites',
  'apiserver-tls-cipher-suites-cis-1-12',
  'apiserver-tls-cipher-suites-stig',
  'apiserver-audit-policy-content',
];

testFamily(
  'apiserver',
  apiserverControls,
  [
    {
      name: 'kubeadm v1.29 default: SecurityContextDeny still exists (removed in v1.30), so CIS 1.8 1.2.12 applies and fails',
      yaml: KUBEADM.apiserver.default.replace('v1.30.2', 'v1.29.6'),
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'pass', { fail: [...KUBEADM_DEFAULT_FAILS, 'apiserver-admission-security-context-deny'] }),
    },
    {
      name: 'kubeadm v1.31 default',
      yaml: KUBEADM.apiserver.default.replace('v1.30.2', 'v1.31.1'),
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'pass', { fail: KUBEADM_DEFAULT_FAILS, 'not-applicable': ['apiserver-admission-security-context-deny'] }),
    },
    {
      name: 'kubeadm v1.30 default control plane',
      yaml: KUBEADM.apiserver.default,
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'pass', { fail: KUBEADM_DEFAULT_FAILS, 'not-applicable': ['apiserver-admission-security-context-deny'] }),
    },
    {
      name: 'kubeadm v1.30 hardened: every flag item passes; file contents need the node',
      yaml: KUBEADM.apiserver.hardened,
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'pass', {
        manual: ['apiserver-encryption-provider-content', 'apiserver-audit-policy-content'],
        'not-applicable': ['apiserver-admission-security-context-deny'],
      }),
    },
    {
      name: 'RKE2 v1.30 with profile: cis (command + args)',
      yaml: RKE2_CIS_APISERVER,
      subject: 'Pod kube-system/kube-apiserver [kube-apiserver]',
      expect: statuses(apiserverControls, 'pass', {
        fail: [
          'apiserver-admission-deny-service-external-ips',
          'apiserver-admission-event-rate-limit',
          'apiserver-admission-always-pull-images',
          'apiserver-service-account-extend-token-expiration',
          'apiserver-tls-min-version',
        ],
        manual: ['apiserver-encryption-provider-content', 'apiserver-audit-policy-content'],
        'not-applicable': ['apiserver-admission-security-context-deny'],
      }),
    },
    {
      name: 'a v1.19 API server with every insecure option fails everything',
      yaml: LEGACY_INSECURE,
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'fail'),
    },
    {
      name: 'v1.26 with SecurityContextDeny, weak-ish ciphers and DynamicKubeletConfig',
      yaml: V126_SECURITY_CONTEXT_DENY,
      subject: APISERVER_POD,
      expect: statuses(apiserverControls, 'fail', {
        pass: [
          'apiserver-token-auth-file',
          'apiserver-basic-auth-file',
          'apiserver-admission-always-admit',
          'apiserver-admission-service-account',
          'apiserver-admission-namespace-lifecycle',
          'apiserver-admission-node-restriction',
          'apiserver-admission-validating-webhook',
          'apiserver-secure-port',
          'apiserver-insecure-port',
          'apiserver-insecure-bind-address',
          'apiserver-request-timeout',
          'apiserver-service-account-lookup',
          'apiserver-feature-gate-all-alpha',
          'apiserver-feature-gate-dynamic-auditing',
          'apiserver-feature-gate-pod-security',
          'apiserver-admission-security-context-deny',
          'apiserver-tls-cipher-suites-cis-1-7',
        ],
      }),
    },
  ],
  CONTENT_ON_NODE_ONLY,
);
