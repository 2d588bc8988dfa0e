import { secretsInEnv } from '../../../src/controls/pod-security/secrets-in-env.js';
import { testControl } from '../../control-tester.js';

testControl(secretsInEnv, [
  {
    name: 'secretKeyRef and envFrom secretRef fail, naming variable and Secret but never a value',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      containers:
      - name: api
        image: api:1
        env:
        - {name: LOG_LEVEL, value: info}
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        envFrom:
        - secretRef: {name: stripe}
          prefix: STRIPE_
`,
    expect: [
      {
        status: 'fail',
        subject: 'Deployment payments/api [api]',
        line: 15,
        message: /variable DB_PASSWORD from Secret "db" key "password"; every key of Secret "stripe" \(prefix STRIPE_\) through envFrom/,
      },
    ],
  },
  {
    name: 'configMap references, plain values and Secrets mounted as files pass; an init container is checked',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  initContainers:
  - name: migrate
    image: app:1
    envFrom: [{secretRef: {name: db}}]
  containers:
  - name: app
    image: app:1
    env:
    - {name: MODE, value: production}
    - {name: CONF, valueFrom: {configMapKeyRef: {name: app, key: mode}}}
    envFrom: [{configMapRef: {name: app}}]
    volumeMounts: [{name: db, mountPath: /var/run/secrets/db, readOnly: true}]
  volumes: [{name: db, secret: {secretName: db}}]
`,
    expect: [
      { status: 'pass', subject: 'Pod ns/p [app]' },
      { status: 'fail', subject: 'Pod ns/p [migrate]', line: 9, message: /every key of Secret "db"/ },
    ],
  },
]);
