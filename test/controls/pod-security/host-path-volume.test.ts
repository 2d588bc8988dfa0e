import { hostPathVolume } from '../../../src/controls/pod-security/host-path-volume.js';
import { testControl } from '../../control-tester.js';

testControl(hostPathVolume, [
  {
    name: 'a fluent-bit DaemonSet mounting /var/log fails, saying who mounts what how',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluent-bit, namespace: logging}
spec:
  template:
    spec:
      containers:
      - name: fluent-bit
        image: cr.fluentbit.io/fluent/fluent-bit:3.1.9
        volumeMounts:
        - {name: varlog, mountPath: /var/log}
        - {name: containers, mountPath: /var/lib/docker/containers, readOnly: true}
      volumes:
      - name: varlog
        hostPath:
          path: /var/log
      - name: containers
        hostPath: {path: /var/lib/docker/containers}
`,
    expect: [
      {
        status: 'fail',
        subject: 'DaemonSet logging/fluent-bit',
        line: 16,
        message: /"varlog" \(\/var\/log\) mounted by fluent-bit read-write; hostPath volume "containers" \(\/var\/lib\/docker\/containers\) mounted by fluent-bit read-only/,
      },
    ],
  },
  {
    name: 'emptyDir, configMap and secret volumes pass',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - {name: app, image: app:1}
      volumes:
      - {name: tmp, emptyDir: {}}
      - {name: conf, configMap: {name: web}}
      - {name: tls, secret: {secretName: web-tls}}
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', line: 10 }],
  },
  {
    name: 'a hostPath used only by an init container of a CronJob still fails',
    yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello, namespace: ops}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            volumeMounts: [{name: data, mountPath: /data}]
          containers:
          - {name: hello, image: busybox:1.36}
          volumes:
          - {name: data, hostPath: {path: /srv/data, type: DirectoryOrCreate}}
`,
    expect: [{ status: 'fail', subject: 'CronJob ops/hello', message: /mounted by init read-write/ }],
  },
  {
    name: 'a pod without volumes passes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: app, image: app:1}
`,
    expect: [{ status: 'pass', subject: 'Pod p' }],
  },
]);
