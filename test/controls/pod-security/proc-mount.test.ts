import { procMount } from '../../../src/controls/pod-security/proc-mount.js';
import { testControl } from '../../control-tester.js';

testControl(procMount, [
  {
    name: 'unset and Default pass; Unmasked fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: ns}
spec:
  template:
    spec:
      containers:
      - {name: mysql, image: mysql:8.4, securityContext: {procMount: Default}}
      - name: php
        image: php:8.3-apache
        securityContext:
          procMount: Unmasked
      - {name: plain, image: app:1}
`,
    expect: [
      { status: 'pass', subject: 'Deployment ns/d [mysql]' },
      { status: 'fail', subject: 'Deployment ns/d [php]', line: 13, message: /procMount: Unmasked/ },
      { status: 'pass', subject: 'Deployment ns/d [plain]' },
    ],
  },
]);
