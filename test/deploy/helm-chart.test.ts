import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { load, loadAll } from 'js-yaml';
import type { KubeObject } from '../../src/evidence/kube-object.js';
import { renderChart, renderTemplate } from '../support/helm-subset.js';

const CHART = 'deploy/helm/kubeharden';
const parseRendered = (rendered: { file: string; text: string }[]) =>
  rendered.flatMap(({ text }) => loadAll(text) as KubeObject[]).filter((o) => o !== null && o !== undefined);
const key = (o: KubeObject) => `${o.kind}/${(o.metadata as { name: string }).name}`;

describe('the helm-subset renderer', () => {
  const context = { values: { a: { b: 'x' }, list: [], map: { k: 'v' } }, release: { namespace: 'ns' } };
  it('prints values, trims with {{- and renders toYaml | nindent and if', () => {
    assert.equal(renderTemplate('n: {{ .Release.Namespace }}\nv: "{{ .Values.a.b }}"', context), 'n: ns\nv: "x"');
    assert.equal(renderTemplate('m:\n  {{- toYaml .Values.map | nindent 2 }}\n', context), 'm:\n  k: v\n');
    assert.equal(renderTemplate('a: 1\n{{- if .Values.list }}\nb: 2\n{{- end }}\n', context), 'a: 1\n');
    assert.equal(renderTemplate('a: 1\n{{- if .Values.map }}\nb: 2\n{{- end }}\n', context), 'a: 1\nb: 2\n');
  });
  it('throws on anything outside the subset', () => {
    for (const template of ['{{ include "x" . }}', '{{ .Values.a.b -}}', '{{ .Values.missing }}', '{{ .Values.a }}', '{{ if .Values.a }}', '{{ end }}', '{{ .Chart.Name }}', '{{- else }}']) {
      assert.throws(() => renderTemplate(template, context), Error, template);
    }
  });
});

describe('deploy/helm/kubeharden', () => {
  const shipped = (loadAll(readFileSync('deploy/kubeharden.yaml', 'utf8')) as KubeObject[]).filter((o) => o.kind !== 'Job');

  it('renders with its default values into the objects of deploy/kubeharden.yaml (without the example node Job)', () => {
    const rendered = parseRendered(renderChart(CHART, 'kubeharden'));
    for (const object of rendered) {
      assert.equal(typeof object.apiVersion, 'string');
      assert.equal(typeof object.kind, 'string');
      assert.equal(typeof (object.metadata as { name?: unknown }).name, 'string');
    }
    assert.deepEqual(rendered.map(key).sort(), shipped.map(key).sort());
    const byKey = new Map(rendered.map((o) => [key(o), o]));
    for (const object of shipped) assert.deepEqual(byKey.get(key(object)), object, key(object));
  });

  it('leaves the namespace out with createNamespace: false', () => {
    const kinds = parseRendered(renderChart(CHART, 'kubeharden', { createNamespace: false })).map((o) => o.kind);
    assert.ok(kinds.includes('CronJob'));
    assert.ok(!kinds.includes('Namespace'));
  });

  it('the chart version and default image tag follow package.json', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const chart = load(readFileSync(`${CHART}/Chart.yaml`, 'utf8')) as { appVersion: string; version: string };
    assert.equal(chart.appVersion, version);
    const values = load(readFileSync(`${CHART}/values.yaml`, 'utf8')) as { image: { tag: string } };
    assert.equal(values.image.tag, version);
  });

  it('applies the values: namespace, image, schedule, benchmark, nodeSelector, tolerations, resources', () => {
    const rendered = parseRendered(renderChart(CHART, 'audit', {
      image: { repository: 'registry.example/kh', tag: '9.9.9', pullPolicy: 'Always' },
      schedule: '0 * * * *',
      benchmark: 'cis-1.10',
      nodeSelector: { pool: 'system' },
      tolerations: [{ key: 'dedicated', operator: 'Exists' }],
      resources: { limits: { cpu: '2', memory: '1Gi' } },
    }));
    for (const object of rendered) {
      const metadata = object.metadata as { name: string; namespace?: string };
      if (object.kind === 'Namespace') assert.equal(metadata.name, 'audit');
      else if (!object.kind.startsWith('Cluster')) assert.equal(metadata.namespace, 'audit', key(object));
    }
    for (const binding of rendered.filter((o) => o.kind.endsWith('RoleBinding'))) {
      for (const subject of binding.subjects as { namespace: string }[]) assert.equal(subject.namespace, 'audit');
    }
    const cron = rendered.find((o) => o.kind === 'CronJob')!;
    const spec = cron.spec as { schedule: string; jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } };
    assert.equal(spec.schedule, '0 * * * *');
    const pod = spec.jobTemplate.spec.template.spec;
    assert.deepEqual(pod.nodeSelector, { pool: 'system' });
    assert.deepEqual(pod.tolerations, [{ key: 'dedicated', operator: 'Exists' }]);
    const [container] = pod.containers as { image: string; imagePullPolicy: string; args: string[]; resources: unknown }[];
    assert.equal(container!.image, 'registry.example/kh:9.9.9');
    assert.equal(container!.imagePullPolicy, 'Always');
    assert.deepEqual(container!.args.slice(-2), ['--benchmark', 'cis-1.10']);
    assert.deepEqual(container!.resources, { limits: { cpu: '2', memory: '1Gi' } });
  });
});
