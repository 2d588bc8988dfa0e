import { hostPathSensitive, sensitiveHostPath } from '../../../src/controls/pod-security/host-path-sensitive.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testControl } from '../../control-tester.js';

testControl(hostPathSensitive, [
  {
    name: 'a CI runner mounting the Docker socket fails at the path',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: gitlab-runner, namespace: ci}
spec:
  template:
    spec:
      containers:
      - name: runner
        image: gitlab/gitlab-runner:v17.4.0
        volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]
      volumes:
      - name: docker
        hostPath:
          path: /var/run/docker.sock
          type: Socket
`,
    expect: [{ status: 'fail', subject: 'Deployment ci/gitlab-runner', line: 15, message: /container runtime socket/ }],
  },
  {
    name: 'containerd and CRI-O sockets, and node credentials, fail',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: ns}
spec:
  containers: [{name: c, image: c:1}]
  volumes: [{name: s, hostPath: {path: /run/containerd/containerd.sock}}]
---
apiVersion: v1
kind: Pod
metadata: {name: p2, namespace: ns}
spec:
  containers: [{name: c, image: c:1}]
  volumes: [{name: k, hostPath: {path: /etc/kubernetes/pki/}}, {name: a, hostPath: {path: /root/.aws/credentials}}]
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p1', message: /runtime socket/ },
      { status: 'fail', subject: 'Pod ns/p2', message: /\/etc\/kubernetes, which holds node credentials.*\.aws credentials directory/ },
    ],
  },
  {
    name: 'a log-collector hostPath of /var/log passes (host-path-volume still reports it)',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluent-bit, namespace: logging}
spec:
  template:
    spec:
      containers: [{name: fluent-bit, image: fluent-bit:3.1.9}]
      volumes: [{name: varlog, hostPath: {path: /var/log}}]
`,
    expect: [{ status: 'pass', subject: 'DaemonSet logging/fluent-bit' }],
  },
]);

it('sensitiveHostPath knows the dangerous places and not the ordinary ones', () => {
  assert.match(sensitiveHostPath('/')!, /whole node/);
  assert.match(sensitiveHostPath('//var/run//')!, /top-level/);
  assert.match(sensitiveHostPath('/var/run/crio/crio.sock')!, /runtime socket/);
  assert.match(sensitiveHostPath('/run/containerd')!, /holding the container runtime socket/);
  assert.match(sensitiveHostPath('/var/lib/kubelet/pods')!, /kubelet/);
  assert.match(sensitiveHostPath('/home/ubuntu/.kube/config')!, /\.kube credentials/);
  assert.match(sensitiveHostPath('/home/ubuntu')!, /\/home/);
  assert.equal(sensitiveHostPath('/var/log'), undefined);
  assert.equal(sensitiveHostPath('/data/app'), undefined);
});
