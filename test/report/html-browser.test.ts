import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import { renderHtml } from '../../src/report/html.js';
import { fixtureDocument, fixtureResults } from './fixture-document.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';

it(
  'the HTML report shows the findings, filters and searches them, and makes no network request (headless Chromium)',
  { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (apt-get install -y chromium; CI installs it)` },
  async () => {
    const { chromium } = await import('playwright-core');
    const results = fixtureResults();
    // A second namespace with a failing finding, so the namespace filter has something to separate.
    results.push({ ...results[0]!, subject: { type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'payments', name: 'ledger', container: 'db', file: 'k8s/ledger.yaml', line: 9 }, message: 'container "db" sets securityContext.privileged: true' });
    const file = join(mkdtempSync(join(tmpdir(), 'kh-html-')), 'report.html');
    writeFileSync(file, renderHtml(fixtureDocument(results)));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url() !== pathToFileURL(resolve(file)).href) requests.push(request.url());
      });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(resolve(file)).href);
      const visibleRows = () =>
        page.$$eval('#findings tr.finding', (rows) =>
          rows.filter((r) => !r.hasAttribute('hidden')).map((r) => `${r.getAttribute('data-status')} ${r.getAttribute('data-control')} ${r.querySelectorAll('td')[3]!.textContent}`),
        );

      // Default: what needs attention (fail, error, waived, manual), not passes or not-applicable.
      const initial = await visibleRows();
      assert.equal(initial.length, 6, initial.join('\n'));
      assert.ok(initial.some((r) => r.startsWith('fail privileged-container Deployment shop/web [log-shipper]')));
      assert.ok(!initial.some((r) => r.startsWith('pass')));
      assert.equal(await page.textContent('#f-count'), '6 of 8 results shown');
      assert.match((await page.textContent(".cards"))!, /1\s*pass\s*3\s*fail/);

      // Why and how to fix are in each finding.
      assert.match(initial[0]!, /^fail example-anonymous-auth/, 'failing and most severe first');
      const privileged = page.locator('#findings tr.finding[data-control="privileged-container"][data-status="fail"]').first();
      await privileged.locator('details summary').click();
      assert.match((await privileged.locator('details').textContent())!, /Why.*A privileged container has every capability.*How to fix.*Remove securityContext\.privileged/s);

      await page.selectOption('#f-status', 'fail');
      assert.equal((await visibleRows()).length, 3);
      await page.selectOption('#f-severity', 'critical');
      assert.deepEqual(await visibleRows(), ['fail example-anonymous-auth kube-apiserver on cp-1/etc/kubernetes/manifests/kube-apiserver.yaml:17']);
      await page.selectOption('#f-severity', '');
      await page.selectOption('#f-namespace', 'payments');
      assert.deepEqual((await visibleRows()).map((r) => r.split(' ').slice(0, 4).join(' ')), ['fail privileged-container Pod payments/ledger']);
      await page.selectOption('#f-namespace', '');
      await page.selectOption('#f-status', 'all');
      await page.selectOption('#f-control', 'privileged-container');
      assert.equal((await visibleRows()).length, 4);
      await page.selectOption('#f-control', '');
      await page.selectOption('#f-benchmark', 'stig-v2r2');
      assert.deepEqual((await visibleRows()).map((r) => r.split(' ').slice(0, 2).join(' ')), ['fail example-anonymous-auth']);
      await page.selectOption('#f-benchmark', '');

      // Search is over subject, message, file and references, word by word, case-insensitive.
      await page.fill('#f-search', 'CILIUM sec-42');
      assert.deepEqual((await visibleRows()).map((r) => r.split(' ').slice(0, 2).join(' ')), ['waived privileged-container']);
      await page.fill('#f-search', 'no-such-thing');
      assert.equal((await visibleRows()).length, 0);
      assert.equal(await page.isVisible('#f-empty'), true);
      await page.fill('#f-search', '');

      // Charts are inline SVG.
      assert.ok((await page.$$('figure svg')).length >= 3);
      // Per benchmark: item verdicts through the benchmark view, and its score (the fixture fails both automated CIS items it touches).
      assert.match((await page.textContent('.bench tr[data-benchmark="cis-1.9"]'))!, /CIS Kubernetes Benchmark v1\.9.*score 0\.0% \(0\/2\)/);
      assert.match((await page.textContent('.bench tr[data-benchmark="stig-v2r2"]'))!, /Security Technical Implementation Guide V2R2/);

      await page.selectOption('#f-status', 'attention');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(requests, [], 'the report fetched nothing');
    } finally {
      await browser.close();
    }
  },
);
