import { selinuxOptionsUnsafe } from '../../../src/controls/pod-security/selinux-options-unsafe.js';
import { testControl } from '../../control-tester.js';

testControl(selinuxOptionsUnsafe, [
  {
    name: 'a level, or an allowed type, passes; spc_t and a custom user or role fail',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  securityContext:
    seLinuxOptions: {level: "s0:c123,c456"}
  containers:
  - {name: level, image: app:1}
  - {name: typed, image: app:1, securityContext: {seLinuxOptions: {type: container_init_t}}}
  - name: super
    image: app:1
    securityContext:
      seLinuxOptions: {type: spc_t}
  - {name: user, image: app:1, securityContext: {seLinuxOptions: {user: system_u, role: system_r}}}
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [level]' },
      { status: 'pass', subject: 'Pod ns/p [typed]' },
      { status: 'fail', subject: 'Pod ns/p [super]', line: 14, message: /type spc_t/ },
      { status: 'fail', subject: 'Pod ns/p [user]', message: /user system_u, role system_r/ },
    ],
  },
  {
    name: 'a pod-level unconfined type fails every container',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  template:
    spec:
      securityContext:
        seLinuxOptions: {type: unconfined_t}
      containers: [{name: agent, image: agent:1}]
`,
    expect: [{ status: 'fail', subject: 'DaemonSet kube-system/agent [agent]', line: 9 }],
  },
]);
