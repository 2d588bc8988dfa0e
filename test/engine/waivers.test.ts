import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import { ConfigError, parseConfig } from '../../src/engine/exceptions-config.js';
import type { Result } from '../../src/engine/result.js';
import { ObjectEvaluator } from '../../src/engine/scan-objects.js';
import { globMatch, WaiverSet, type ExceptionRule } from '../../src/engine/waivers.js';
import { objectsOfText } from '../../src/sources/manifests/index.js';
import { subjectLabel } from '../../src/report/subject-label.js';

const KNOWN = new Set(CATALOG.map((c) => c.id));
const TODAY = '2026-06-15';

const MANIFESTS = `
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cilium
  namespace: kube-system
  labels: {k8s-app: cilium}
spec:
  template:
    spec:
      containers:
      - name: agent
        image: cilium:1.16
        securityContext: {privileged: true}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        kubeharden.io/exempt-privileged-container: "debug sidecar, removed in SHOP-7"
    spec:
      containers:
      - name: app
        image: nginx:1.27
        securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: tool
  namespace: shop
  annotations:
    kubeharden.io/exempt-privileged-container: ""
spec:
  containers:
  - name: c
    image: busybox:1
    securityContext: {privileged: true}
`;

function scan(waivers: WaiverSet, text = MANIFESTS): Result[] {
  const evaluator = new ObjectEvaluator(CATALOG, { waivers });
  const results: Result[] = [];
  for (const item of objectsOfText('k8s/all.yaml', text)) {
    if (item.type === 'object') evaluator.evaluate(item.item, (r) => results.push(r));
  }
  return results.filter((r) => r.control === 'privileged-container');
}

const statuses = (results: Result[]) => results.map((r) => `${r.status} ${subjectLabel(r.subject)}`);

function config(text: string): ExceptionRule[] {
  return parseConfig('.kubeharden.yaml', text, KNOWN).exceptions;
}

describe('exceptions from .kubeharden.yaml', () => {
  it('waives a matching fail by control, namespace, kind, name glob and labels, keeping the justification', () => {
    const waivers = new WaiverSet(
      config(`
exceptions:
  - control: privileged-container
    resource: {namespace: kube-system, kind: DaemonSet, name: "cil*", labels: {k8s-app: cilium}}
    justification: CNI agent programs the host network (SEC-42)
    expires: 2026-12-31
`),
      { today: TODAY },
    );
    const results = scan(waivers);
    assert.deepEqual(statuses(results), ['waived DaemonSet kube-system/cilium [agent]', 'waived Deployment shop/web [app]', 'fail Pod shop/tool [c]']);
    assert.deepEqual(results[0]!.waiver, { justification: 'CNI agent programs the host network (SEC-42)', expires: '2026-12-31', source: '.kubeharden.yaml:3' });
    assert.deepEqual(waivers.warnings().filter((w) => !w.startsWith('annotation')), []);
  });

  it('does not waive when any selector field differs (labels, namespace, name glob)', () => {
    for (const resource of ['{labels: {k8s-app: calico}}', '{namespace: default}', '{name: "cilium-*"}', '{kind: Deployment, name: cilium}']) {
      const waivers = new WaiverSet(config(`exceptions:\n  - control: privileged-container\n    resource: ${resource}\n    justification: x\n`), { today: TODAY, disabled: false });
      assert.equal(scan(waivers)[0]!.status, 'fail', resource);
      assert.match(waivers.warnings().join('\n'), /\.kubeharden\.yaml:2: exception for privileged-container matched no failing result/);
    }
  });

  it('matches a benchmark item through the results\' refs', () => {
    const waivers = new WaiverSet(config(`exceptions:\n  - item: cis-1.9:5.2.2\n    resource: {namespace: kube-system}\n    justification: x\n`), { today: TODAY });
    assert.equal(scan(waivers)[0]!.status, 'waived');
    const other = new WaiverSet(config(`exceptions:\n  - item: cis-1.9:5.2.3\n    justification: x\n`), { today: TODAY });
    assert.equal(scan(other)[0]!.status, 'fail');
  });

  it('does not apply an expired exception, and warns about it', () => {
    const waivers = new WaiverSet(
      config(`exceptions:\n  - control: privileged-container\n    resource: {namespace: kube-system}\n    justification: x\n    expires: 2026-06-14\n`),
      { today: TODAY },
    );
    assert.equal(scan(waivers)[0]!.status, 'fail');
    assert.deepEqual(waivers.warnings().filter((w) => !w.startsWith('annotation')), [
      '.kubeharden.yaml:2: exception for privileged-container expired on 2026-06-14 and was not applied; renew or remove it',
    ]);
    const lastDay = new WaiverSet(config(`exceptions:\n  - control: privileged-container\n    justification: x\n    expires: "2026-06-15"\n`), { today: TODAY });
    assert.equal(scan(lastDay)[0]!.status, 'waived', 'the expiry date itself is still covered');
  });

  it('matches node and file selectors on node results, never on a resource without them', () => {
    const rule = config(`exceptions:\n  - control: privileged-container\n    node: "cp-*"\n    file: /etc/kubernetes/manifests/*.yaml\n    justification: x\n`);
    const waivers = new WaiverSet(rule, { today: TODAY });
    const base: Result = { control: 'privileged-container', title: '', severity: 'high', status: 'fail', refs: [], message: '', subject: { type: 'component', kind: 'kube-apiserver', node: 'cp-1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml' } };
    assert.equal(waivers.apply(base).status, 'waived');
    assert.equal(waivers.apply({ ...base, subject: { type: 'component', kind: 'kube-apiserver', node: 'worker-1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml' } }).status, 'fail');
    assert.equal(waivers.apply({ ...base, subject: { type: 'file', node: 'cp-2', path: '/etc/kubernetes/manifests/sub/etcd.yaml' } }).status, 'fail', '* does not cross /');
    assert.equal(waivers.apply({ ...base, status: 'pass' }).status, 'pass', 'only fails are waived');
    assert.equal(scan(waivers)[0]!.status, 'fail');
  });
});

describe('inline annotations', () => {
  it('waive by the object\'s or pod template\'s kubeharden.io/exempt-<control>; an empty reason is not applied', () => {
    const waivers = new WaiverSet([], { today: TODAY });
    const results = scan(waivers);
    assert.deepEqual(statuses(results), ['fail DaemonSet kube-system/cilium [agent]', 'waived Deployment shop/web [app]', 'fail Pod shop/tool [c]']);
    assert.deepEqual(results[1]!.waiver, {
      justification: 'debug sidecar, removed in SHOP-7',
      source: 'annotation kubeharden.io/exempt-privileged-container on Deployment shop/web (k8s/all.yaml:16)',
    });
    assert.deepEqual(waivers.warnings(), [
      'annotation kubeharden.io/exempt-privileged-container on Pod shop/tool (k8s/all.yaml:30) has no reason and was not applied; write why the exemption is safe as its value',
    ]);
  });

  it('--no-exemptions ignores annotations and the config alike, and warns about nothing', () => {
    const waivers = new WaiverSet(config(`exceptions:\n  - control: privileged-container\n    justification: x\n`), { disabled: true, today: TODAY });
    assert.deepEqual(scan(waivers).map((r) => r.status), ['fail', 'fail', 'fail']);
    assert.deepEqual(waivers.warnings(), []);
  });
});

describe('config validation', () => {
  const problems = (text: string): string[] => {
    try {
      parseConfig('ci/.kubeharden.yaml', text, KNOWN);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('names file, line and field for every bad field', () => {
    assert.deepEqual(
      problems(`exceptions:
  - control: privileged-containers
    justification: x
  - item: cis-2.0:5.2.2
    justification: ok
    expires: 2026-13-01
  - control: privileged-container
    resource: {namespace: a, kindd: Pod, labels: {app: 1}}
    justification: ""
    colour: blue
  - control: privileged-container
    expires: "31/12/2026"
  - justification: neither control nor item
failOn: high
`),
      [
        'ci/.kubeharden.yaml:14: failOn: unknown setting; the config file knows: exceptions',
        'ci/.kubeharden.yaml:2: exceptions[0].control: unknown control "privileged-containers"; `kubeharden controls` lists them',
        'ci/.kubeharden.yaml:4: exceptions[1].item: "cis-2.0:5.2.2" is not BENCHMARK:ID with a known benchmark (e.g. cis-1.9:5.2.2, stig-v2r2:V-242415, nsa-cisa-1.2:…)',
        'ci/.kubeharden.yaml:6: exceptions[1].expires: "2026-13-01" is not a date YYYY-MM-DD',
        'ci/.kubeharden.yaml:10: exceptions[2].colour: unknown field; an exception has: control, item, resource, node, file, justification, expires',
        'ci/.kubeharden.yaml:9: exceptions[2].justification: must be a non-empty text saying why the finding is acceptable',
        'ci/.kubeharden.yaml:8: exceptions[2].resource.kindd: unknown field; a resource selector has: namespace, kind, name, labels',
        'ci/.kubeharden.yaml:8: exceptions[2].resource.labels: must map label keys to text values, e.g. { app: web }',
        'ci/.kubeharden.yaml:11: exceptions[3]: missing justification: say why the finding is acceptable (it is shown in every report)',
        'ci/.kubeharden.yaml:12: exceptions[3].expires: "31/12/2026" is not a date YYYY-MM-DD',
        'ci/.kubeharden.yaml:13: exceptions[4]: missing control (a control id) or item (a benchmark item such as cis-1.9:5.2.2)',
      ],
    );
  });

  it('checks that a benchmark item exists when the caller knows the items', () => {
    const items = (framework: string) => (framework === 'cis-1.9' ? new Set(['5.2.2']) : undefined);
    assert.equal(parseConfig('c', 'exceptions:\n  - item: cis-1.9:5.2.2\n    justification: x\n', KNOWN, items).exceptions.length, 1);
    assert.throws(() => parseConfig('c', 'exceptions:\n  - item: cis-1.9:5.2.9\n    justification: x\n', KNOWN, items), /c:2: exceptions\[0\]\.item: cis-1\.9 has no item "5\.2\.9"/);
    assert.throws(() => parseConfig('c', 'exceptions:\n  - item: cis-1.8:5.2.2\n    justification: x\n', KNOWN, items), /is not BENCHMARK:ID with a known benchmark/);
  });

  it('reports YAML syntax errors with their line, and accepts an empty file', () => {
    assert.deepEqual(problems('exceptions:\n  - control: a\n   bad: [\n'), ['ci/.kubeharden.yaml:3: invalid YAML: bad indentation of a sequence entry']);
    assert.deepEqual(parseConfig('x', '', KNOWN).exceptions, []);
    assert.deepEqual(parseConfig('x', '# nothing yet\n', KNOWN).exceptions, []);
  });
});

it('globMatch: * within a segment, ** across, ? one character, everything else literal', () => {
  assert.ok(globMatch('cilium*', 'cilium-operator'));
  assert.ok(!globMatch('cilium*', 'kube-cilium'));
  assert.ok(globMatch('/etc/**/*.yaml', '/etc/kubernetes/manifests/etcd.yaml'));
  assert.ok(!globMatch('/etc/*.yaml', '/etc/kubernetes/etcd.yaml'));
  assert.ok(globMatch('web-?', 'web-1'));
  assert.ok(!globMatch('a.b', 'axb'), '. is literal');
});
