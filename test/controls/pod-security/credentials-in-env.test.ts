import { credentialsInEnv } from '../../../src/controls/pod-security/credentials-in-env.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { evaluateManifest, testControl } from '../../control-tester.js';

const LEAKY = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: mysql, namespace: db}
spec:
  template:
    spec:
      containers:
      - name: mysql
        image: mysql:8.4
        env:
        - {name: MYSQL_DATABASE, value: shop}
        - {name: MYSQL_ROOT_PASSWORD, value: "rootpasswd"}
        - {name: AZURE_BATCH_KEY, value: "Zm9vYmFy"}
`;

testControl(credentialsInEnv, [
  {
    name: 'credential-named variables with literal values fail, values never shown',
    yaml: LEAKY,
    expect: [{ status: 'fail', subject: 'Deployment db/mysql [mysql]', line: 13, message: /MYSQL_ROOT_PASSWORD \(its name contains "password"\), AZURE_BATCH_KEY \(its name ends in "key"\)$/ }],
  },
  {
    name: 'values shaped like credentials fail whatever the name',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - name: app
    image: app:1
    env:
    - {name: DB_URL, value: AKIAIOSFODNN7EXAMPLE}
    - {name: AUTH_HEADER, value: bearer abc123def}
    - name: SIGNING
      value: |
        -----BEGIN RSA PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
        -----END RSA PRIVATE KEY-----
`,
    expect: [{ status: 'fail', subject: 'Pod ns/p [app]', message: /DB_URL \(its value looks like an AWS access key id\), AUTH_HEADER \(its value looks like an HTTP authorization credential\), SIGNING \(its value looks like a PEM private key\)/ }],
  },
  {
    name: 'paths, references, booleans, numbers and ordinary names pass',
    yaml: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: speaker, namespace: metallb-system}
spec:
  template:
    spec:
      containers:
      - name: speaker
        image: quay.io/metallb/speaker:v0.14.8
        env:
        - {name: METALLB_ML_SECRET_KEY_PATH, value: /etc/ml_secret_key}
        - {name: TOKEN_TTL_SECONDS, value: "3600"}
        - {name: PASSWORD_AUTH_ENABLED, value: "false"}
        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
        - {name: API_TOKEN, value: "$(TOKEN_FROM_FILE)"}
        - {name: DB_URL, value: AKIA}
        - {name: KEY_ID, value: abc}
`,
    expect: [{ status: 'pass', subject: 'DaemonSet metallb-system/speaker [speaker]' }],
  },
]);

it('never prints a value', () => {
  for (const result of evaluateManifest(credentialsInEnv, LEAKY)) {
    assert.ok(!result.message.includes('rootpasswd') && !result.message.includes('Zm9vYmFy'), result.message);
  }
});
