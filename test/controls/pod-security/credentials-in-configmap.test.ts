import { credentialsInConfigmap } from '../../../src/controls/pod-security/credentials-in-configmap.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { evaluateManifest, testControl } from '../../control-tester.js';

const GAME = `
apiVersion: v1
kind: ConfigMap
metadata: {name: game-demo, namespace: games}
data:
  player_initial_lives: "3"
  ui_properties_file_name: "user-interface.properties"
  pwd: "hunter2"
  aws_secret_file: "/etc/secret-volume/aws"
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db:5432/app
    spring.datasource.password=s3cr3t-value
    feature.enabled=true
`;

testControl(credentialsInConfigmap, [
  {
    name: 'credential-named keys and credential-like entries of file-like values fail; paths and settings do not',
    yaml: GAME,
    expect: [{ status: 'fail', subject: 'ConfigMap games/game-demo', line: 8, message: /pwd \(its name contains "pwd"\); application.properties \(credential-like entries spring.datasource.password\)$/ }],
  },
  {
    name: 'a value shaped like an AWS key id fails whatever its key',
    yaml: `
apiVersion: v1
kind: ConfigMap
metadata: {name: akia, namespace: ns}
data:
  DB_URL: "AKIAIOSFODNN7EXAMPLE"
`,
    expect: [{ status: 'fail', subject: 'ConfigMap ns/akia', line: 6, message: /AWS access key id/ }],
  },
  {
    name: 'ordinary configuration passes; other kinds give no result',
    yaml: `
apiVersion: v1
kind: ConfigMap
metadata: {name: nginx, namespace: web}
data:
  nginx.conf: |
    worker_processes auto;
    server_tokens off;
  LOG_LEVEL: info
  TOKEN_TTL: "3600"
---
apiVersion: v1
kind: Secret
metadata: {name: s, namespace: web}
stringData: {password: hunter2}
`,
    expect: [{ status: 'pass', subject: 'ConfigMap web/nginx' }],
  },
]);

it('never prints a value', () => {
  const [result] = evaluateManifest(credentialsInConfigmap, GAME);
  assert.ok(result && !/hunter2|s3cr3t/.test(result.message), result?.message);
});
