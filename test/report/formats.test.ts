import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { CATALOG } from '../../src/controls/catalog.js';
import type { Result } from '../../src/engine/result.js';
import { scanManifests } from '../../src/engine/scan-manifests.js';
import { CSV_COLUMNS, renderCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { MARKDOWN_MAX_CHARS, renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderYaml } from '../../src/report/yaml.js';
import { fixtureDocument, fixtureResults } from './fixture-document.js';
import { descendants, parseXml } from './xml-check.js';

const GOLDEN_DIR = 'test/report/golden';

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function assertGolden(name: string, actual: string): void {
  const path = `${GOLDEN_DIR}/${name}`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE_GOLDEN=1 to accept a deliberate change)`);
}

/** RFC 4180 reader, strict: a quote inside an unquoted field or an unterminated quote is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last record has no CRLF');
  return rows;
}

describe('yaml report', () => {
  it('is the results document, read back identically', () => {
    const document = fixtureDocument();
    assert.deepEqual(yaml.load(renderYaml(document)), document);
    // The engine shares one refs array between every result of a control: no anchors/aliases for it.
    const shared = fixtureResults();
    shared[1]!.refs = shared[0]!.refs;
    const text = renderYaml(fixtureDocument(shared));
    assert.doesNotMatch(text, /[&*]ref_\d/);
    assert.deepEqual(yaml.load(text), fixtureDocument(shared));
  });
});

describe('csv report', () => {
  it('round-trips every result, one row each, through a strict RFC 4180 reader', () => {
    const document = fixtureDocument();
    const text = renderCsv(document);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, document.results.length + 1);
    const column = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    document.results.forEach((result, i) => {
      const row = rows[i + 1]!;
      assert.equal(row.length, CSV_COLUMNS.length);
      assert.equal(row[column('control')], result.control);
      assert.equal(row[column('status')], result.status);
      assert.equal(row[column('message')], result.message, 'quotes, commas, newlines and tabs survive');
      assert.equal(row[column('refs')], result.refs.map((r) => `${r.framework}:${r.id}`).join(' '));
    });
    const waived = rows.find((r) => r[column('status')] === 'waived')!;
    assert.equal(waived[column('waiver_justification')], 'CNI agent programs the host network; reviewed in SEC-42');
    assert.equal(waived[column('waiver_expires')], '2099-12-31');
    const file = rows.find((r) => r[column('subject_type')] === 'file')!;
    assert.equal(file[column('file')], '/var/lib/kubelet/config.yaml');
    assert.equal(file[column('node')], 'worker-1');
    assert.equal(rows[1]![column('line')], '36');
  });
});

describe('markdown report', () => {
  it('summarises, groups failing findings by severity with why and how to fix, and escapes', () => {
    const text = renderMarkdown(fixtureDocument());
    assert.match(text, /^## kubeharden: 2 failing findings \(1 critical, 1 high\)/);
    assert.match(text, /\| 1 \| 2 \| 1 \| 1 \| 1 \| 1 \|/);
    assert.ok(text.indexOf('### Critical (1)') < text.indexOf('### High (1)'), 'critical first');
    assert.match(text, /<details open><summary><code>privileged-container<\/code>/);
    assert.match(text, /\*\*Why:\*\* A privileged container/);
    assert.match(text, /\*\*How to fix:\*\* Remove securityContext\.privileged/);
    assert.match(text, /### Could not check \(1\)/);
    assert.match(text, /bad indentation of a mapping entry \\\| with a pipe/, 'pipes escaped in table cells');
    assert.match(text, /&lt;are&gt; allowed &amp; served/, 'HTML cannot leak into the comment');
    assert.match(text, /<summary>Waived \(1\)<\/summary>/);
    assert.match(text, /CNI agent programs the host network/);
    assert.ok(!text.includes('is not privileged'), 'passing results are not listed');
  });

  it('stays within the comment size limit, counting what it leaves out', () => {
    const many: Result[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push({
        ...fixtureResults()[0]!,
        control: `control-${i % 300}`,
        subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: `ns-${i}`, name: `pod-with-a-rather-long-name-${i}`, file: `k8s/${i}.yaml`, line: i + 1 },
      });
    }
    const text = renderMarkdown(fixtureDocument(many));
    assert.ok(text.length <= MARKDOWN_MAX_CHARS, `${text.length} characters`);
    const omitted = Number(/_(\d+) more results? not shown/.exec(text)?.[1]);
    const shownRows = (text.match(/^\| Pod ns-/gm) ?? []).length;
    assert.ok(omitted > 0 && shownRows > 0);
    assert.equal(omitted + shownRows, 3000, 'every finding is either shown or counted');
  });
});

describe('sarif report', () => {
  const require = createRequire(import.meta.url);
  // The SARIF 2.1.0 schema is JSON Schema draft-04 ("id", "$schema": draft-04#): Ajv 8 reads it through ajv-draft-04.
  const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const schema = JSON.parse(readFileSync('../shared/reference/schemas/sarif-schema-2.1.0.json', 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(renderSarif(fixtureDocument()));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const broken = structuredClone(log) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    assert.equal(validate(broken), false, 'the validator does reject an invalid log');
  });

  it('a real scan of examples/ (every control in the catalog) validates too', async () => {
    const results = await scanManifests(['examples'], { controls: CATALOG });
    const log = JSON.parse(renderSarif(fixtureDocument(results))) as { runs: { results: unknown[] }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.ok(log.runs[0]!.results.length > 0);
  });

  it('has one rule per control, results for fail, error and waived (suppressed), with locations', () => {
    const log = JSON.parse(renderSarif(fixtureDocument()));
    const run = log.runs[0];
    const rules = run.tool.driver.rules as { id: string; helpUri: string; help: { text: string }; fullDescription: { text: string }; properties: Record<string, unknown> }[];
    assert.deepEqual(rules.map((r) => r.id), ['example-anonymous-auth', 'example-etcd-peer-tls', 'example-kubelet-config-mode', 'input-readable', 'privileged-container']);
    const privileged = rules.find((r) => r.id === 'privileged-container')!;
    assert.match(privileged.helpUri, /\/docs\/controls\/privileged-container\.md$/);
    assert.match(privileged.help.text, /Remove securityContext\.privileged/);
    assert.match(privileged.fullDescription.text, /escaping to the node is trivial/, 'rationale from the catalog');
    assert.equal(privileged.properties['security-severity'], '8.0');
    assert.ok((privileged.properties.tags as string[]).includes('cis-1.9:5.2.2'));
    const results = run.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]; suppressions?: { kind: string; status: string; justification: string }[] }[];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [
      ['privileged-container', 'error'],
      ['privileged-container', 'error'],
      ['example-anonymous-auth', 'error'],
      ['input-readable', 'error'],
    ]);
    for (const r of results) assert.equal(rules[r.ruleIndex]!.id, r.ruleId);
    assert.deepEqual(results[0]!.locations[0]!.physicalLocation, { artifactLocation: { uri: 'k8s/web%20app.yaml' }, region: { startLine: 36 } });
    assert.equal(results[2]!.locations[0]!.physicalLocation!.artifactLocation.uri, 'file:///etc/kubernetes/manifests/kube-apiserver.yaml');
    assert.equal(results[0]!.suppressions, undefined);
    const located = (subject: Result['subject']) =>
      JSON.parse(renderSarif(fixtureDocument([{ ...fixtureResults()[0]!, subject }]))).runs[0].results[0].locations[0].physicalLocation;
    assert.deepEqual(located({ type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web' }), { artifactLocation: { uri: 'kubernetes/shop/Pod/web' } }, 'a live object gets a stable pseudo-path (code scanning needs one)');
    assert.deepEqual(located({ type: 'resource', apiVersion: 'v1', kind: 'Pod', name: 'p', file: '<stdin>', line: 3 }), { artifactLocation: { uri: 'kubernetes/_cluster/Pod/p' } });
    assert.deepEqual(results[1]!.suppressions!.map((s) => [s.kind, s.status]), [['external', 'accepted']]);
    assert.match(results[1]!.suppressions![0]!.justification, /SEC-42 \(expires 2099-12-31\)/);
    assert.equal(run.invocations[0].executionSuccessful, false, 'an error result means the scan was incomplete');
  });

  it('maps severities to levels and is deterministic', () => {
    const results = fixtureResults().map((r) => ({ ...r, status: 'fail' as const, waiver: undefined }));
    const levels = (JSON.parse(renderSarif(fixtureDocument(results))).runs[0].results as { level: string; properties: { severity: string } }[]).map((r) => `${r.properties.severity}:${r.level}`);
    assert.deepEqual([...new Set(levels)].sort(), ['critical:error', 'high:error', 'low:note', 'medium:warning']);
    assert.equal(renderSarif(fixtureDocument()), renderSarif(fixtureDocument()));
    assertGolden('fixture.sarif', renderSarif(fixtureDocument()));
  });
});

describe('junit report', () => {
  it('is well-formed XML with one testcase per control and subject', () => {
    const document = fixtureDocument();
    const xml = renderJunit(document);
    const root = parseXml(xml);
    assert.equal(root.name, 'testsuites');
    assert.deepEqual(
      ['tests', 'failures', 'errors', 'skipped'].map((a) => root.attributes[a]),
      ['7', '2', '1', '3'],
    );
    const cases = descendants(root, 'testcase');
    assert.equal(cases.length, document.results.length);
    const byName = (name: string) => cases.find((c) => c.attributes.name === name)!;
    const failed = byName('Deployment shop/web [log-shipper]');
    const failure = failed.children.find((c) => c.name === 'failure')!;
    assert.equal(failure.attributes.message, 'container "log-shipper" sets securityContext.privileged: true');
    assert.equal(failure.attributes.type, 'high');
    assert.match(failure.text, /How to fix: Remove securityContext\.privileged/);
    assert.match(failure.text, /at k8s\/web app\.yaml:36/);
    assert.equal(failed.attributes.classname, 'kubeharden.privileged-container');
    assert.equal(byName('Deployment shop/web [app]').children.length, 0, 'a pass is an empty testcase');
    const apiserver = byName('kube-apiserver on cp-1').children[0]!;
    assert.equal(apiserver.attributes.message, document.results[3]!.message, '<, >, & and quotes survive in attributes');
    assert.equal(byName('k8s/broken.yaml').children[0]!.name, 'error');
    const manual = byName('/var/lib/kubelet/config.yaml on worker-1').children[0]!;
    assert.equal(manual.name, 'skipped');
    assert.equal(manual.attributes.message, 'manual: line one, with a comma\nline two with a "quote"\tand a tab\\u0007 and a bell', 'newline and tab kept, the bell made visible');
    const waived = byName('DaemonSet kube-system/cilium [agent]').children[0]!;
    assert.equal(waived.name, 'skipped');
    assert.match(waived.attributes.message!, /^waived: CNI agent programs the host network; reviewed in SEC-42 \(until 2099-12-31\)/);
    assertGolden('fixture.junit.xml', xml);
  });

  it('reports per benchmark item and subject when a benchmark view is given', () => {
    const document = fixtureDocument();
    const root = parseXml(
      renderJunit(document, {
        framework: 'cis-1.9',
        title: 'CIS Kubernetes Benchmark 1.9',
        items: [
          { framework: 'cis-1.9', item: '5.2.2', title: 'Minimize the admission of privileged containers', status: 'fail', severity: 'high', subject: document.results[0]!.subject, message: 'privileged', controls: ['privileged-container'] },
          { framework: 'cis-1.9', item: '5.1.1', title: 'Ensure that the cluster-admin role is only used where required', status: 'manual', severity: 'high', message: 'review the bindings', controls: [] },
        ],
      }),
    );
    assert.deepEqual(descendants(root, 'testsuite').map((s) => s.attributes.name), ['cis-1.9:5.2.2', 'cis-1.9:5.1.1']);
    assert.deepEqual(descendants(root, 'testcase').map((c) => c.children[0]?.name), ['failure', 'skipped']);
  });

  it('escapes control characters and lone surrogates that XML 1.0 cannot carry', () => {
    const results = fixtureResults().slice(0, 1).map((r) => ({ ...r, message: 'nul\u0000 esc\u001b lone\ud800 pair\ud83d\ude00 ]]> end' }));
    const xml = renderJunit(fixtureDocument(results));
    const failure = descendants(parseXml(xml), 'failure')[0]!;
    assert.equal(failure.attributes.message, 'nul\\u0000 esc\\u001b lone\\ud800 pair\ud83d\ude00 ]]> end');
  });
});

describe('html report (static checks; the browser test is html-browser.test)', () => {
  it('is one file that can load nothing from anywhere', () => {
    const html = renderHtml(fixtureDocument());
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.doesNotMatch(html, /<link\b|<img\b|<iframe\b|@import|url\(|\bsrc=/i);
    assert.doesNotMatch(html, /<script[^>]*\bsrc/i);
    assert.ok(!html.includes('<are>'), 'messages are escaped');
    assert.match(html, /&lt;are&gt; allowed &amp; served/);
    assert.equal((html.match(/<tr class="finding"/g) ?? []).length, fixtureResults().length);
    assert.match(html, /<h4>Why<\/h4><p>A privileged container has every capability/);
  });

  it('lists every result that needs attention but bounds the passing ones', () => {
    const html = renderHtml(fixtureDocument(), { maxQuietRows: 1 });
    assert.equal((html.match(/<tr class="finding"/g) ?? []).length, fixtureResults().length - 1);
    assert.match(html, /1 more passing or not-applicable results are counted above but not listed/);
    assert.equal((html.match(/<tr class="finding" data-status="fail"/g) ?? []).length, 2);
  });
});
