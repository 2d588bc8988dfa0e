import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findControl } from '../../src/controls/catalog.js';
import type { Result } from '../../src/engine/result.js';
import { ObjectEvaluator } from '../../src/engine/scan-objects.js';
import { WaiverSet } from '../../src/engine/waivers.js';
import { objectsOfText } from '../../src/sources/manifests/index.js';
import { INGRESS_NGINX } from '../controls/rbac/fixtures.js';

function scan(yaml: string, options: ConstructorParameters<typeof ObjectEvaluator>[1], before?: (e: ObjectEvaluator) => void): Result[] {
  const controls = ['rbac-secrets-access', 'service-account-token-automount'].map((id) => findControl(id)!);
  const evaluator = new ObjectEvaluator(controls, options);
  before?.(evaluator);
  const results: Result[] = [];
  for (const item of objectsOfText('rbac.yaml', yaml)) if (item.type === 'object') evaluator.evaluate(item.item, (r) => results.push(r));
  evaluator.finish((r) => results.push(r));
  return results;
}

describe('inventory controls in the object evaluator', () => {
  it('run once the stream ends, through every source that uses the evaluator', () => {
    const results = scan(INGRESS_NGINX, {});
    assert.deepEqual(results.map((r) => [r.control, r.status]), [['rbac-secrets-access', 'fail']]);
  });

  it('report error, not a verdict, for a control whose kinds the source could not read', () => {
    const results = scan(INGRESS_NGINX, { complete: true }, (e) => {
      e.unreadable('ClusterRoleBinding', '403 Forbidden');
      e.unreadable('Deployment', 'timed out');
    });
    assert.deepEqual(results.map((r) => [r.control, r.status, r.subject.type]), [
      ['rbac-secrets-access', 'error', 'cluster'],
      ['service-account-token-automount', 'error', 'cluster'],
    ]);
    assert.match(results[0]!.message, /ClusterRoleBinding: 403 Forbidden/);
    assert.match(results[1]!.message, /Deployment: timed out/);
  });

  it('apply waivers to inventory results, by subject', () => {
    const waivers = new WaiverSet([
      { control: 'rbac-secrets-access', selector: { kind: 'ServiceAccount', namespace: 'ingress-nginx', name: 'ingress-nginx' }, justification: 'reads TLS secrets of every Ingress by design', source: 'test' },
    ]);
    const results = scan(INGRESS_NGINX, { waivers });
    assert.deepEqual(results.map((r) => [r.status, r.waiver?.justification]), [['waived', 'reads TLS secrets of every Ingress by design']]);
  });
});
