import { unsafeSysctls } from '../../../src/controls/pod-security/unsafe-sysctls.js';
import { testControl } from '../../control-tester.js';

testControl(unsafeSysctls, [
  {
    name: 'safe sysctls pass, noting the ones that need a recent Kubernetes',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: sysctl-example, namespace: ns}
spec:
  securityContext:
    sysctls:
    - {name: kernel.shm_rmid_forced, value: "0"}
    - {name: net.ipv4.tcp_keepalive_time, value: "600"}
  containers: [{name: c, image: busybox:1.36}]
`,
    expect: [{ status: 'pass', subject: 'Pod ns/sysctl-example', message: /tcp_keepalive_time \(safe since Kubernetes 1.29\)/ }],
  },
  {
    name: 'an unsafe sysctl fails at its entry',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ns}
spec:
  template:
    spec:
      securityContext:
        sysctls:
        - {name: net.ipv4.tcp_syncookies, value: "1"}
        - {name: net.core.somaxconn, value: "1024"}
      containers: [{name: c, image: nginx:1.27}]
`,
    expect: [{ status: 'fail', subject: 'Deployment ns/web', line: 11, message: /unsafe sysctl net.core.somaxconn$/ }],
  },
  {
    name: 'no sysctls pass',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: nginx:1.27}]
`,
    expect: [{ status: 'pass', subject: 'Pod p' }],
  },
]);
