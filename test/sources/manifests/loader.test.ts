import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { objectsOfText, readManifests, type ManifestItem } from '../../../src/sources/manifests/index.js';
import { splitYamlDocuments } from '../../../src/sources/manifests/yaml-documents.js';

function objects(items: Iterable<ManifestItem>) {
  return [...items].flatMap((i) => (i.type === 'object' ? [i.item] : []));
}
function problems(items: Iterable<ManifestItem>) {
  return [...items].flatMap((i) => (i.type === 'problem' ? [i.problem] : []));
}
async function collect(gen: AsyncIterable<ManifestItem>): Promise<ManifestItem[]> {
  const all: ManifestItem[] = [];
  for await (const item of gen) all.push(item);
  return all;
}

describe('splitting a YAML stream into documents', () => {
  it('splits on --- lines, keeps each document\'s first line, skips empty and comment-only documents', () => {
    const docs = splitYamlDocuments('# header\n---\na: 1\n---\n# only a comment\n---\nb: 2\nc: |\n  ---not a marker\n...\n');
    assert.deepEqual(docs.map((d) => [d.text.trim(), d.firstLine]), [
      ['a: 1', 3],
      ['b: 2\nc: |\n  ---not a marker', 7],
    ]);
  });
  it('keeps content written on the marker line', () => {
    const docs = splitYamlDocuments('--- {kind: A}\n--- |\n  text\n');
    assert.equal(docs.length, 2);
    assert.equal(docs[0]!.firstLine, 1);
  });
});

describe('reading manifests', () => {
  it('reads YAML multi-document files and points at field lines', () => {
    const items = [...objectsOfText('m.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  hostPID: true\n')];
    const objs = objects(items);
    assert.deepEqual(objs.map((o) => o.object.metadata?.name), ['a', 'b']);
    assert.equal(objs[1]!.origin?.line, 6);
    assert.equal(objs[1]!.origin?.documentIndex, 1);
    assert.equal(objs[1]!.origin?.lineOf(['spec', 'hostPID']), 11);
    assert.equal(objs[1]!.origin?.lineOf(['spec', 'missing', 'deeper']), 10, 'nearest ancestor');
  });

  it('expands kind: List and *List kinds as kubectl get -o yaml prints them', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d}
- apiVersion: v1
  kind: ServiceAccount
  metadata: {name: s}
- just: a value
`;
    const items = [...objectsOfText('l.yaml', list)];
    assert.deepEqual(objects(items).map((o) => `${o.object.kind}/${o.object.metadata?.name}@${o.origin?.line}`), ['Deployment/d@4', 'ServiceAccount/s@7']);
    assert.equal(objects(items)[1]!.origin?.lineOf(['metadata', 'name']), 9);
    assert.deepEqual(problems(items).map((p) => [p.level, p.line]), [['note', 10]]);
    const podList = '{"apiVersion":"v1","kind":"PodList","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}]}';
    assert.deepEqual(objects(objectsOfText('pods.json', podList)).map((o) => o.object.kind), ['Pod']);
  });

  it('reads JSON documents', () => {
    const json = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {\n    "hostIPC": true\n  }\n}\n';
    const [obj] = objects(objectsOfText('p.json', json));
    assert.equal(obj!.object.metadata?.name, 'j');
    assert.equal(obj!.origin?.lineOf(['spec', 'hostIPC']), 6);
  });

  it('skips documents without apiVersion/kind with a note, not an error', () => {
    const items = [...objectsOfText('values.yaml', 'replicaCount: 1\nimage: nginx\n---\n- a\n')];
    assert.deepEqual(objects(items), []);
    assert.deepEqual(problems(items).map((p) => [p.level, p.line, p.message]), [
      ['note', 1, 'document 1 has no apiVersion and kind; skipped'],
      ['note', 4, 'document 2 is not a mapping; skipped'],
    ]);
  });

  it('reports malformed YAML with its line and still reads the other documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: ok1}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n   broken: [\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok2}\n';
    const items = [...objectsOfText('broken.yaml', text)];
    assert.deepEqual(objects(items).map((o) => o.object.metadata?.name), ['ok1', 'ok2']);
    const [problem] = problems(items);
    assert.equal(problem!.level, 'error');
    assert.equal(problem!.file, 'broken.yaml');
    assert.ok(problem!.line! >= 8 && problem!.line! <= 10, `line ${problem!.line}`);
    assert.match(problem!.message, /invalid YAML/);
  });

  it('refuses duplicate keys, which kubectl also refuses', () => {
    const items = [...objectsOfText('dup.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostPID: false\n  hostPID: true\n')];
    assert.deepEqual(objects(items), []);
    assert.equal(problems(items)[0]!.line, 6);
  });

  it('refuses an alias bomb with a clear error instead of running out of memory', () => {
    const bomb = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]', 'data: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    ].join('\n');
    const items = [...objectsOfText('bomb.yaml', bomb)];
    assert.deepEqual(objects(items), []);
    assert.match(problems(items)[0]!.message, /alias bomb/);
    // Ordinary anchors still work.
    const ok = [...objectsOfText('ok.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: x}\ndata: {copy: *m}\n')];
    assert.equal(objects(ok).length, 1);
  });

  it('refuses documents over the size limit', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${'y'.repeat(2000)}"\n`;
    const items = [...objectsOfText('big.yaml', big, { maxDocumentBytes: 1000, maxExpandedNodes: 100 })];
    assert.deepEqual(objects(items), []);
    assert.match(problems(items)[0]!.message, /over the limit of 1000/);
  });

  it('walks directories recursively in sorted order, only manifest extensions, never out of the root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kh-walk-'));
    const outside = mkdtempSync(join(tmpdir(), 'kh-outside-'));
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\n`;
    writeFileSync(join(root, 'b', 'deep', 'z.yml'), pod('z'));
    writeFileSync(join(root, 'a.yaml'), pod('a'));
    writeFileSync(join(root, 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' } }));
    writeFileSync(join(root, 'notes.txt'), pod('txt'));
    writeFileSync(join(outside, 'secret.yaml'), pod('outside'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'escape.yaml'));
    symlinkSync(join(root, 'a.yaml'), join(root, 'inside-link.yaml'));
    const items = await collect(readManifests([root]));
    assert.deepEqual(objects(items).map((o) => o.object.metadata?.name), ['a', 'z', 'c', 'a']);
    const escape = problems(items).find((p) => p.file.endsWith('escape.yaml'));
    assert.ok(escape, 'the escaping symlink is reported');
    assert.match(escape.message, /outside the scanned directory/);
  });

  it('does not read a Helm chart\'s templates as manifests: one error names the chart and how to scan it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kh-chart-'));
    mkdirSync(join(root, 'charts', 'web', 'templates'), { recursive: true });
    writeFileSync(join(root, 'charts', 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    writeFileSync(join(root, 'charts', 'web', 'values.yaml'), 'image: nginx\n');
    writeFileSync(join(root, 'charts', 'web', 'templates', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    writeFileSync(join(root, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: plain}\n');
    const items = await collect(readManifests([root]));
    assert.deepEqual(objects(items).map((o) => o.object.metadata?.name), ['plain']);
    const chart = join(root, 'charts', 'web');
    assert.deepEqual(problems(items), [
      { file: chart, level: 'error', message: `a Helm chart: its templates are not manifests until rendered; not scanned; scan the rendered chart (helm template RELEASE ${chart} | kubeharden scan -)` },
    ]);
  });

  it('reports an unreadable path as an error and reads the rest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kh-missing-'));
    writeFileSync(join(root, 'ok.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n');
    const items = await collect(readManifests([join(root, 'nope.yaml'), root]));
    assert.deepEqual(objects(items).map((o) => o.object.metadata?.name), ['ok']);
    assert.deepEqual(problems(items).map((p) => [p.level, p.message]), [['error', 'cannot read: no such file or directory']]);
  });

  it('reads standard input for -', async () => {
    const stdin = Readable.from([Buffer.from('apiVersion: v1\nkind: Pod\nmetadata: {name: from-stdin}\n')]);
    const items = await collect(readManifests(['-'], { stdin }));
    assert.deepEqual(objects(items).map((o) => `${o.origin?.file}:${o.object.metadata?.name}`), ['<stdin>:from-stdin']);
  });
});

describe('YAML scalars as Kubernetes reads them (go-yaml v2, YAML 1.1)', () => {
  const load = (text: string) => objects(objectsOfText('s.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n${text}`))[0]!.object;
  it('reads yes/on/y as true and no/off/n as false, as the API server will', () => {
    const o = load('a: yes\nb: On\nc: "yes"\nd: off\ne: N\nf: True\ng: maybe\n');
    assert.deepEqual([o.a, o.b, o.c, o.d, o.e, o.f, o.g], [true, true, 'yes', false, false, true, 'maybe']);
  });
  it('reads leading-zero integers as octal (defaultMode: 0644 is 420)', () => {
    const o = load('a: 0644\nb: 0o600\nc: 420\nd: 0x1F\ne: 1_000\nf: "0644"\ng: 08\nh: -012\n');
    assert.deepEqual([o.a, o.b, o.c, o.d, o.e, o.f, o.g, o.h], [420, 384, 420, 31, 1000, '0644', 8, -10]);
  });
  it('keeps timestamps as strings and resolves nulls, floats and merge keys', () => {
    const o = load('a: 2024-01-01\nb: ~\nc: 1.5\nbase: &b {x: 1}\nd:\n  <<: *b\n  z: 2\n');
    assert.deepEqual([o.a, o.b, o.c, o.d], ['2024-01-01', null, 1.5, { x: 1, z: 2 }]);
  });
});
