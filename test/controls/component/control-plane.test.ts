import { controllerManagerControls } from '../../../src/controls/controller-manager/index.js';
import { etcdControls } from '../../../src/controls/etcd/index.js';
import { kubeProxyControls } from '../../../src/controls/kube-proxy/index.js';
import { schedulerControls } from '../../../src/controls/scheduler/index.js';
import { statuses, testFamily } from './family-table.js';
import { KUBEADM, staticPod } from './kubeadm-manifests.js';

const CM = 'Pod kube-system/kube-controller-manager-cp1 [kube-controller-manager]';
const SCHEDULER = 'Pod kube-system/kube-scheduler-cp1 [kube-scheduler]';
const ETCD = 'Pod kube-system/etcd-cp1 [etcd]';

testFamily('controller-manager', controllerManagerControls, [
  {
    name: 'kubeadm v1.30 default',
    yaml: KUBEADM.controllerManager.default, subject: CM,
    expect: statuses(controllerManagerControls, 'pass', {
      fail: ['controller-manager-terminated-pod-gc-threshold', 'controller-manager-profiling', 'controller-manager-tls-min-version'],
    }),
  },
  { name: 'kubeadm v1.30 hardened', yaml: KUBEADM.controllerManager.hardened, subject: CM, expect: statuses(controllerManagerControls, 'pass') },
  {
    name: 'v1.21 bound to all interfaces, shared credentials, rotation off, TLS 1.1',
    subject: CM,
    yaml: staticPod('kube-controller-manager', 'v1.21.14', [
      '--bind-address=0.0.0.0',
      '--use-service-account-credentials=false',
      '--feature-gates=RotateKubeletServerCertificate=false',
      '--terminated-pod-gc-threshold=12500',
      '--tls-min-version=VersionTLS11',
    ]),
    expect: statuses(controllerManagerControls, 'fail'),
  },
]);

testFamily('scheduler', schedulerControls, [
  {
    name: 'kubeadm v1.30 default',
    yaml: KUBEADM.scheduler.default, subject: SCHEDULER,
    expect: statuses(schedulerControls, 'pass', { fail: ['scheduler-profiling', 'scheduler-tls-min-version'] }),
  },
  { name: 'kubeadm v1.30 hardened', yaml: KUBEADM.scheduler.hardened, subject: SCHEDULER, expect: statuses(schedulerControls, 'pass') },
  {
    name: 'v1.22 with --config: --profiling is ignored, so profiling is in the (unread) file',
    subject: SCHEDULER,
    yaml: staticPod('kube-scheduler', 'v1.22.0', ['--config=/etc/kubernetes/scheduler-config.yaml', '--profiling=false']),
    expect: statuses(schedulerControls, 'fail', { manual: ['scheduler-profiling'] }),
  },
]);

const ETCD_INSECURE = staticPod('etcd', '3.4.13-0', [
  '--auto-tls',
  '--peer-auto-tls=true',
  '--client-cert-auth=false',
  '--data-dir=/var/lib/etcd',
  '--key-file=/etc/kubernetes/pki/etcd/server.key',
  '--trusted-ca-file=/etc/kubernetes/pki/ca.crt',
]);

/** The API server of the same control plane; its client CA is /etc/kubernetes/pki/ca.crt. */
const APISERVER = KUBEADM.apiserver.default;

testFamily('etcd', etcdControls, [
  {
    name: 'kubeadm v1.30 etcd with its API server',
    subject: ETCD,
    yaml: `${KUBEADM.etcd.default}---\n${APISERVER}`,
    expect: statuses(etcdControls, 'pass'),
  },
  {
    name: 'etcd alone: the CA comparison needs the API server',
    subject: ETCD,
    yaml: KUBEADM.etcd.default,
    expect: statuses(etcdControls, 'pass', { manual: ['etcd-unique-ca'] }),
  },
  {
    name: 'self-signed TLS, no client auth, and the cluster CA trusted by etcd',
    subject: ETCD,
    yaml: `${ETCD_INSECURE}---\n${APISERVER}`,
    expect: statuses(etcdControls, 'fail'),
  },
]);

const kubeProxyConfigMap = (metrics: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    bindAddress: 0.0.0.0
    clusterCIDR: 10.244.0.0/16
    mode: ""
${metrics}
  kubeconfig.conf: |-
    apiVersion: v1
    kind: Config
`;

testFamily('kube-proxy', kubeProxyControls, [
  { name: 'kubeadm default ConfigMap (metricsBindAddress empty: 127.0.0.1:10249)', subject: 'ConfigMap kube-system/kube-proxy', yaml: kubeProxyConfigMap('    metricsBindAddress: ""'), expect: statuses(kubeProxyControls, 'pass') },
  { name: 'metrics on all interfaces', subject: 'ConfigMap kube-system/kube-proxy', yaml: kubeProxyConfigMap('    metricsBindAddress: 0.0.0.0:10249'), expect: statuses(kubeProxyControls, 'fail') },
  {
    name: 'a kubeadm kube-proxy DaemonSet reads --config: the value is in the ConfigMap',
    subject: 'DaemonSet kube-system/kube-proxy [kube-proxy]',
    yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: kube-proxy, namespace: kube-system}
spec:
  template:
    spec:
      containers:
      - name: kube-proxy
        image: registry.k8s.io/kube-proxy:v1.30.2
        command:
        - /usr/local/bin/kube-proxy
        - --config=/var/lib/kube-proxy/config.conf
        - --hostname-override=$(NODE_NAME)
`,
    expect: statuses(kubeProxyControls, 'manual'),
  },
  {
    name: 'a kube-proxy Pod with the flag',
    subject: 'Pod kube-system/kube-proxy-cp1 [kube-proxy]',
    yaml: staticPod('kube-proxy', 'v1.30.2', ['--metrics-bind-address=0.0.0.0:10249', '--hostname-override=node1']),
    expect: statuses(kubeProxyControls, 'fail'),
  },
]);
