import { windowsHostProcess } from '../../../src/controls/pod-security/windows-host-process.js';
import { testControl } from '../../control-tester.js';

testControl(windowsHostProcess, [
  {
    name: 'a pod-level hostProcess: true makes every container a HostProcess container',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: csi-proxy, namespace: kube-system}
spec:
  template:
    spec:
      os: {name: windows}
      hostNetwork: true
      securityContext:
        windowsOptions:
          hostProcess: true
          runAsUserName: "NT AUTHORITY\\\\SYSTEM"
      containers:
      - {name: csi-proxy, image: ghcr.io/kubernetes-sigs/sig-windows/csi-proxy:v1.1.2}
`,
    expect: [{ status: 'fail', subject: 'DaemonSet kube-system/csi-proxy [csi-proxy]', line: 12, message: /hostProcess: true/ }],
  },
  {
    name: 'a container-level hostProcess fails only that container',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: win, namespace: ns}
spec:
  os: {name: windows}
  containers:
  - {name: app, image: app:ltsc2022}
  - name: hpc
    image: hpc:ltsc2022
    securityContext:
      windowsOptions: {hostProcess: true}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/win [app]' },
      { status: 'fail', subject: 'Pod ns/win [hpc]', line: 12 },
    ],
  },
  {
    name: 'hostProcess: false and a Linux pod pass',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: app:1, securityContext: {windowsOptions: {hostProcess: false}}}
`,
    expect: [{ status: 'pass', subject: 'Pod ns/p [app]' }],
  },
]);
