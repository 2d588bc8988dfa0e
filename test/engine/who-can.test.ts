import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderWhoCan, whoCan } from '../../src/engine/who-can.js';
import { parseAccessQuery } from '../../src/evidence/access-query.js';
import { Inventory } from '../../src/evidence/inventory.js';
import { principalLabel, RBAC_KINDS } from '../../src/evidence/rbac.js';
import { objectsOfText } from '../../src/sources/manifests/index.js';
import { ARGO_CD, CERT_MANAGER, INGRESS_NGINX, KUBEADM_DEFAULTS } from '../controls/rbac/fixtures.js';

function inventoryOf(yaml: string, complete = false): Inventory {
  const inventory = new Inventory(RBAC_KINDS, { complete });
  for (const item of objectsOfText('rbac.yaml', yaml)) if (item.type === 'object') inventory.add(item.item);
  return inventory;
}

function who(yaml: string, verb: string, resource: string, namespace?: string): string[] {
  return whoCan(inventoryOf(yaml), parseAccessQuery(verb, resource, namespace).query).subjects.map((s) => principalLabel(s.subject));
}

const ALL = [KUBEADM_DEFAULTS, INGRESS_NGINX, CERT_MANAGER, ARGO_CD].join('\n---\n');
const TEAM = `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: devs, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: shop-devs}
- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts:shop"}
`;

describe('rbac who-can', () => {
  it('lists every subject that can get secrets, across cluster-wide and namespaced grants', () => {
    assert.deepEqual(who(ALL, 'get', 'secrets'), [
      'Group kubeadm:cluster-admins',
      'Group system:masters',
      'ServiceAccount argocd/argocd-application-controller',
      'ServiceAccount cert-manager/cert-manager',
      'ServiceAccount ingress-nginx/ingress-nginx',
      'User system:kube-controller-manager',
    ]);
  });

  it('-n keeps cluster-wide grants and the namespace\'s own, drops other namespaces', () => {
    const yaml = `${ALL}\n---\n${TEAM}`;
    assert.ok(who(yaml, 'create', 'pods', 'shop').includes('Group shop-devs'));
    assert.ok(!who(yaml, 'create', 'pods', 'payments').includes('Group shop-devs'));
    assert.ok(who(yaml, 'create', 'pods', 'payments').includes('ServiceAccount argocd/argocd-application-controller'));
  });

  it('resolves aggregation: cert-manager-edit rules reach users bound to edit', () => {
    const answer = whoCan(inventoryOf(`${CERT_MANAGER}\n---\n${TEAM}`), parseAccessQuery('create', 'certificates.cert-manager.io').query);
    const devs = answer.subjects.find((s) => s.subject.name === 'shop-devs');
    assert.equal(devs?.grants[0]?.aggregatedFrom?.name, 'cert-manager-edit');
    assert.equal(devs?.grants[0]?.scope, 'shop');
  });

  it('explains Kubernetes groups and marks system use', () => {
    const answer = whoCan(inventoryOf(`${KUBEADM_DEFAULTS}\n---\n${TEAM}`), parseAccessQuery('create', 'pods/exec').query);
    const group = answer.subjects.find((s) => s.subject.name === 'system:serviceaccounts:shop');
    assert.equal(group?.members, 'every service account of namespace shop');
    const masters = answer.subjects.find((s) => s.subject.name === 'system:masters');
    assert.match(masters?.grants[0]?.systemUse ?? '', /rbac-defaults/);
  });

  it('matches non-resource URLs only through ClusterRoleBindings', () => {
    assert.deepEqual(who(ARGO_CD, 'get', '/metrics'), ['ServiceAccount argocd/argocd-application-controller']);
    assert.deepEqual(who(INGRESS_NGINX, 'get', '/metrics'), []);
  });

  it('names bindings whose roles were not seen, and says a manifest answer is partial', () => {
    const text = renderWhoCan(whoCan(inventoryOf(KUBEADM_DEFAULTS), parseAccessQuery('get', 'nodes').query), 'nodes');
    assert.match(text, /Not evaluated: 1 binding\(s\).*\n {2}ClusterRoleBinding "kubeadm:node-proxier" \(rbac\.yaml:\d+\) → ClusterRole system:node-proxier/);
    assert.match(text, /Answered from manifests/);
    assert.doesNotMatch(renderWhoCan(whoCan(inventoryOf(ARGO_CD, true), parseAccessQuery('get', 'nodes').query), 'nodes'), /Answered from manifests/);
  });

  it('parses kubectl resource spellings', () => {
    assert.deepEqual(parseAccessQuery('get', 'po').query, { verbs: ['get'], resource: 'pods', apiGroup: '' });
    assert.deepEqual(parseAccessQuery('update', 'deployments.apps/scale', 'x').query, { verbs: ['update'], resource: 'deployments/scale', apiGroup: 'apps', namespace: 'x' });
    assert.deepEqual(parseAccessQuery('create', 'Deployment').query.apiGroup, 'apps');
    assert.match(parseAccessQuery('get', 'widgets').note ?? '', /not a built-in resource/);
    assert.deepEqual(parseAccessQuery('get,list', 'secrets', undefined, 'tls').query, { verbs: ['get', 'list'], resource: 'secrets', apiGroup: '', name: 'tls' });
  });
});
