import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from '../../../src/controls/catalog.js';
import type { Control } from '../../../src/controls/control.js';
import { evaluateManifest } from '../../control-tester.js';

/** "Would this pass PSA <level>?": no control citing that level (restricted includes baseline) fails. */
function failuresAt(level: 'baseline' | 'restricted', yaml: string): string[] {
  const frameworks = level === 'baseline' ? ['pss-baseline'] : ['pss-baseline', 'pss-restricted'];
  const controls = CATALOG.filter((c: Control) => c.refs.some((r) => frameworks.includes(r.framework)));
  return controls.flatMap((c) => evaluateManifest(c, yaml).filter((r) => r.status === 'fail').map((r) => `${r.control}: ${r.message}`));
}

const DEFAULT_POD = `
apiVersion: v1
kind: Pod
metadata: {name: default-pod, namespace: team}
spec:
  containers: [{name: app, image: "nginx:1.27"}]
`;

const RESTRICTED_POD = `
apiVersion: v1
kind: Pod
metadata: {name: restricted, namespace: team}
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: "nginx:1.27"
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
  volumes: [{name: tmp, emptyDir: {}}]
`;

const PRIVILEGED_AGENT = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{name: agent, image: "agent:1", securityContext: {privileged: true}}]
      volumes: [{name: root, hostPath: {path: /}}]
`;

describe('Pod Security Standards levels', () => {
  it('the minimally specified pod passes baseline and fails restricted', () => {
    assert.deepEqual(failuresAt('baseline', DEFAULT_POD), []);
    const restricted = failuresAt('restricted', DEFAULT_POD).map((f) => f.split(':')[0]);
    assert.deepEqual([...new Set(restricted)].sort(), [
      'allow-privilege-escalation', 'pss-restricted-capabilities', 'pss-restricted-run-as-non-root', 'pss-restricted-seccomp',
    ]);
  });

  it('a pod written to the restricted profile passes it', () => {
    assert.deepEqual(failuresAt('restricted', RESTRICTED_POD), []);
  });

  it('a privileged host agent fails baseline on each offending field', () => {
    const baseline = new Set(failuresAt('baseline', PRIVILEGED_AGENT).map((f) => f.split(':')[0]));
    assert.deepEqual([...baseline].sort(), ['host-network', 'host-path-volume', 'privileged-container']);
  });
});
