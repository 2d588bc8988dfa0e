import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectorMatches } from '../../src/evidence/label-selector.js';
import { principalLabel, RbacModel, resourceMatches } from '../../src/evidence/rbac.js';
import { objectsOfText } from '../../src/sources/manifests/index.js';

function model(yaml: string): RbacModel {
  return new RbacModel([...objectsOfText('rbac.yaml', yaml)].flatMap((i) => (i.type === 'object' ? [i.item] : [])));
}

describe('RBAC model', () => {
  it('aggregates transitively through labels and survives a selector cycle', () => {
    const m = model(`
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: top, labels: {tier: b}}
aggregationRule: {clusterRoleSelectors: [{matchLabels: {tier: a}}]}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: middle, labels: {tier: a}}
aggregationRule: {clusterRoleSelectors: [{matchExpressions: [{key: tier, operator: In, values: [c, b]}]}]}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: leaf, labels: {tier: c}}
rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
`);
    const top = m.roles.find((r) => r.name === 'top')!;
    assert.deepEqual(top.rules.map((r) => r.role.name), ['leaf']);
  });

  it('resolves built-in admin through edit and view (their aggregation labels), adding chart roles', () => {
    const m = model(`
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: widgets-view, labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}
rules: [{apiGroups: [example.com], resources: [widgets], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: admins, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects: [{kind: ServiceAccount, name: ops}]
`);
    const [ops] = m.principals();
    assert.equal(principalLabel(ops!), 'ServiceAccount shop/ops');
    const can = (verb: string, resource: string, apiGroup: string) => m.access(ops!, { verbs: [verb], resource, apiGroup }).length > 0;
    assert.ok(can('get', 'widgets', 'example.com'), 'view rule aggregated into admin');
    assert.ok(can('create', 'rolebindings', 'rbac.authorization.k8s.io'), 'admin');
    assert.ok(can('create', 'pods/exec', ''), 'edit');
    assert.ok(!can('create', 'nodes', ''), 'cluster-scoped through a RoleBinding');
  });

  it('a RoleBinding resolves a Role only in its own namespace', () => {
    const m = model(`
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: a}
rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b, namespace: b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: u}]
`);
    assert.equal(m.bindings[0]!.role, undefined);
  });

  it('matches resources as the RBAC authorizer does', () => {
    assert.ok(resourceMatches(['*'], 'pods/exec'));
    assert.ok(resourceMatches(['*/exec'], 'pods/exec'));
    assert.ok(!resourceMatches(['pods'], 'pods/exec'));
    assert.ok(!resourceMatches(['pods/*'], 'pods/exec'));
    assert.ok(!resourceMatches(['*/exec'], 'pods'));
  });

  it('evaluates label selectors with every operator', () => {
    const labels = { app: 'web', tier: 'front' };
    assert.ok(selectorMatches({}, labels));
    assert.ok(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, labels));
    assert.ok(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, labels));
    assert.ok(!selectorMatches('not a selector', labels));
  });
});
