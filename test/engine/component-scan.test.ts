import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiserverAdmissionNodeRestriction } from '../../src/controls/apiserver/apiserver-admission-node-restriction.js';
import { apiserverAnonymousAuth } from '../../src/controls/apiserver/apiserver-anonymous-auth.js';
import { apiserverAuthorizationModeRbac } from '../../src/controls/apiserver/apiserver-authorization-mode-rbac.js';
import { apiserverInsecurePort } from '../../src/controls/apiserver/apiserver-insecure-port.js';
import { apiserverTokenAuthFile } from '../../src/controls/apiserver/apiserver-token-auth-file.js';
import { etcdClientCertAuth } from '../../src/controls/etcd/etcd-client-cert-auth.js';
import { etcdUniqueCa } from '../../src/controls/etcd/etcd-unique-ca.js';
import { CATALOG } from '../../src/controls/catalog.js';
import { parseConfig } from '../../src/engine/exceptions-config.js';
import type { Result } from '../../src/engine/result.js';
import { ObjectEvaluator } from '../../src/engine/scan-objects.js';
import { WaiverSet } from '../../src/engine/waivers.js';
import { objectsOfText } from '../../src/sources/manifests/index.js';
import { evaluateComponents } from '../../src/engine/scan-components.js';
import { buildComponentConfig } from '../../src/evidence/component-config/index.js';
import { subjectLabel } from '../../src/report/subject-label.js';
import { evaluateManifest } from '../control-tester.js';

const apiserverPod = (command: string) => `apiVersion: v1
kind: Pod
metadata: {name: kube-apiserver-cp1, namespace: kube-system}
spec:
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:v1.29.6
${command}`;

describe('component controls on control-plane Pods (kubeharden scan)', () => {
  it('a finding points at the line of the flag; the subject is the Pod and its container', () => {
    const yaml = apiserverPod(`    command:
    - kube-apiserver
    - --authorization-mode=Node,RBAC
    - --anonymous-auth=true
`);
    const [result] = evaluateManifest(apiserverAnonymousAuth, yaml);
    assert.equal(result!.status, 'fail');
    assert.equal(subjectLabel(result!.subject), 'Pod kube-system/kube-apiserver-cp1 [kube-apiserver]');
    assert.equal(result!.subject.type === 'resource' ? result!.subject.line : undefined, 11);
    assert.match(result!.message, /--anonymous-auth=true/);
  });
  it('an unset flag points at the container', () => {
    const [result] = evaluateManifest(apiserverAnonymousAuth, apiserverPod('    command: [kube-apiserver]\n'));
    assert.equal(result!.status, 'fail');
    assert.equal(result!.subject.type === 'resource' ? result!.subject.line : undefined, 6);
  });
  it('flags in args after the command, and in a `sh -c` script, are read', () => {
    const args = apiserverPod('    command: [kube-apiserver]\n    args: ["--anonymous-auth=false"]\n');
    assert.equal(evaluateManifest(apiserverAnonymousAuth, args)[0]!.status, 'pass');
    const shell = apiserverPod('    command: ["/bin/sh", "-c", "exec kube-apiserver --anonymous-auth=false --authorization-mode=Node,RBAC"]\n');
    assert.equal(evaluateManifest(apiserverAnonymousAuth, shell)[0]!.status, 'pass');
    assert.equal(evaluateManifest(apiserverAuthorizationModeRbac, shell)[0]!.status, 'pass');
  });
  it('$(VAR) in args is expanded from literal env values, as the kubelet does', () => {
    const yaml = apiserverPod(`    command: [kube-apiserver, "$(ANONYMOUS)"]
    env:
    - {name: ANONYMOUS, value: "--anonymous-auth=false"}
`);
    assert.equal(evaluateManifest(apiserverAnonymousAuth, yaml)[0]!.status, 'pass');
  });
  it('an argument kubeharden cannot resolve turns passes into manual (it may set the flag), fails stay', () => {
    const yaml = apiserverPod(`    command: [kube-apiserver, "$(EXTRA_ARGS)"]
    env:
    - name: EXTRA_ARGS
      valueFrom: {configMapKeyRef: {name: apiserver-flags, key: args}}
`);
    const [token] = evaluateManifest(apiserverTokenAuthFile, yaml);
    assert.equal(token!.status, 'manual');
    assert.match(token!.message, /\$\(EXTRA_ARGS\)/);
    assert.equal(evaluateManifest(apiserverAnonymousAuth, yaml)[0]!.status, 'fail');
    const shell = apiserverPod('    command: ["/bin/sh", "-c", "exec kube-apiserver --anonymous-auth=false $APISERVER_FLAGS"]\n');
    assert.equal(evaluateManifest(apiserverAnonymousAuth, shell)[0]!.status, 'manual');
  });
  it('hyperkube and an image without a command are recognised', () => {
    const hyperkube = apiserverPod('    command: [/hyperkube, kube-apiserver, --anonymous-auth=false]\n');
    assert.equal(evaluateManifest(apiserverAnonymousAuth, hyperkube)[0]!.status, 'pass');
    const entrypoint = apiserverPod('    args: [--anonymous-auth=false]\n');
    assert.equal(evaluateManifest(apiserverAnonymousAuth, entrypoint)[0]!.status, 'pass');
  });
  it('an etcd an application runs in its own namespace is not the cluster\'s etcd', () => {
    const appEtcd = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: etcd, namespace: app}
spec:
  template:
    spec:
      containers:
      - name: etcd
        image: quay.io/coreos/etcd:v3.5.9
        command: [etcd, --client-cert-auth=false]
`;
    assert.deepEqual(evaluateManifest(etcdClientCertAuth, appEtcd), []);
  });
  it('a Pod that runs no component gives no component result', () => {
    assert.deepEqual(evaluateManifest(apiserverAnonymousAuth, 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: nginx:1.27}\n'), []);
  });
  it('--authorization-config (v1.29+) makes the mode a manual check', () => {
    const yaml = apiserverPod('    command: [kube-apiserver, --authorization-config=/etc/kubernetes/authz.yaml]\n');
    assert.equal(evaluateManifest(apiserverAuthorizationModeRbac, yaml)[0]!.status, 'manual');
  });
  it('the deprecated --admission-control list replaces the default plugins', () => {
    const yaml = apiserverPod('    command: [kube-apiserver, "--admission-control=NamespaceLifecycle,NodeRestriction"]\n');
    assert.equal(evaluateManifest(apiserverAdmissionNodeRestriction, yaml)[0]!.status, 'pass');
  });
  it('etcd-unique-ca compares etcd with the API server of the same scan, whatever the order', () => {
    const etcd = `apiVersion: v1
kind: Pod
metadata: {name: etcd-cp1, namespace: kube-system}
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.12-0
    command: [etcd, --trusted-ca-file=/etc/kubernetes/pki/ca.crt]
`;
    const apiserver = apiserverPod('    command: [kube-apiserver, --client-ca-file=/etc/kubernetes/pki/ca.crt]\n');
    for (const yaml of [`${etcd}---\n${apiserver}`, `${apiserver}---\n${etcd}`]) {
      const results = evaluateManifest(etcdUniqueCa, yaml);
      assert.deepEqual(results.map((r) => [r.status, subjectLabel(r.subject)]), [['fail', 'Pod kube-system/etcd-cp1 [etcd]']]);
    }
  });
});

describe('waivers cover component findings, including the ones that compare components', () => {
  it('an exception for etcd-unique-ca on the etcd Pod waives it', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: etcd-cp1, namespace: kube-system}
spec:
  containers:
  - {name: etcd, image: registry.k8s.io/etcd:3.5.12-0, command: [etcd, --trusted-ca-file=/pki/ca.crt]}
---
${apiserverPod('    command: [kube-apiserver, --client-ca-file=/pki/ca.crt]\n')}`;
    const rules = parseConfig('.kubeharden.yaml', `exceptions:
  - control: etcd-unique-ca
    resource: {namespace: kube-system, kind: Pod, name: "etcd-*"}
    justification: single-CA lab cluster (LAB-7)
`, new Set(CATALOG.map((c) => c.id))).exceptions;
    const evaluator = new ObjectEvaluator([etcdUniqueCa], { waivers: new WaiverSet(rules, { today: '2026-06-15' }) });
    const results: Result[] = [];
    for (const item of objectsOfText('cp.yaml', text)) if (item.type === 'object') evaluator.evaluate(item.item, (r) => results.push(r));
    evaluator.finish((r) => results.push(r));
    assert.deepEqual(results.map((r) => r.status), ['waived']);
    assert.equal(results[0]!.waiver?.justification, 'single-CA lab cluster (LAB-7)');
  });
});

describe('component controls on a node (fed by the node source)', () => {
  const run = (config: ReturnType<typeof buildComponentConfig>, controls = [apiserverAnonymousAuth, apiserverInsecurePort]): Result[] => {
    const results: Result[] = [];
    evaluateComponents(controls, [config], 'cp1', (r) => results.push(r));
    return results;
  };
  it('subject is the component on the node, at the line of the flag in its file', () => {
    const config = buildComponentConfig({
      kind: 'kube-apiserver',
      args: ['--anonymous-auth=true'],
      argIndexOffset: 1,
      locateArg: (index) => ({ file: '/etc/systemd/system/kube-apiserver.service', line: 10 + index }),
      version: { major: 1, minor: 30, raw: 'v1.30.2' },
      source: { type: 'systemd', description: 'kube-apiserver.service', file: '/etc/systemd/system/kube-apiserver.service' },
    });
    const [anonymous] = run(config);
    assert.deepEqual(anonymous!.subject, { type: 'component', kind: 'kube-apiserver', node: 'cp1', file: '/etc/systemd/system/kube-apiserver.service', line: 11 });
  });
  it('an unknown version takes the less safe default and says so', () => {
    const config = buildComponentConfig({ kind: 'kube-apiserver', args: [], source: { type: 'process', description: 'pid 42' } });
    const insecure = run(config).find((r) => r.control === 'apiserver-insecure-port')!;
    assert.equal(insecure.status, 'fail');
    assert.match(insecure.message, /version is unknown/);
  });
  it('a component absent from the node gives no result (the node command reports not-applicable)', () => {
    const etcd = buildComponentConfig({ kind: 'etcd', args: [], source: { type: 'process', description: 'pid 7' } });
    assert.deepEqual(run(etcd), []);
  });
});
