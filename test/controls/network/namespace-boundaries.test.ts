import assert from 'node:assert/strict';
import { it } from 'node:test';
import { namespaceBoundaries } from '../../../src/controls/network/namespace-boundaries.js';
import { evaluateManifest } from '../../control-tester.js';

// CIS 5.7.1 is a human judgement: the control only ever says manual, so it has no failing case for testControl.
it('namespace-boundaries lists the non-system namespaces for review', () => {
  const results = evaluateManifest(namespaceBoundaries, `apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: shop}
`);
  assert.deepEqual(results.map((r) => [r.status, r.subject.type]), [['manual', 'cluster']]);
  assert.match(results[0]!.message, /^1 non-system namespace\(s\) among the scanned objects: shop \(1 object\(s\), 0 workload\(s\), no Namespace object\)/);
});
