import { SEVERITIES, STATUSES, type Severity, type Status } from '../controls/control.js';
import type { Result, ResultsDocument } from '../engine/result.js';
import { findFramework } from '../frameworks/registry.js';
import { benchmarkView, ITEM_STATUSES, type ItemStatus } from '../frameworks/view.js';
import { frameworkName } from './control-docs.js';
import { controlDocsUrl, controlInfo } from './control-info.js';
import { subjectLabel, subjectLocation } from './subject-label.js';

export interface HtmlOptions {
  /** Benchmarks to chart (item verdicts and score); default: every known benchmark the results reference. */
  benchmarks?: string[];
  /** How many pass and not-applicable results to list (all others are always listed). */
  maxQuietRows?: number;
}

export const MAX_QUIET_ROWS = 5000;

const SEVERITY_COLOR: Record<Severity, string> = { critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#0277bd', info: '#607d8b' };
const STATUS_COLOR: Record<Status, string> = {
  pass: '#2e7d32', fail: '#c62828', error: '#6a1b9a', waived: '#1565c0', manual: '#f9a825', 'not-applicable': '#9e9e9e',
};
/** Namespaces are DNS labels, so this value cannot collide with one. */
const NO_NAMESPACE = '(none)';
const ATTENTION: readonly Status[] = ['fail', 'error', 'waived', 'manual'];
/** The page may load nothing from anywhere: no scripts, styles, fonts or images beyond what is inline. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * One self-contained HTML page: summary, charts (inline SVG) per status, severity and benchmark, filters
 * (status, severity, control, namespace, benchmark) and search, and every result with why it matters and how to fix it.
 * Nothing is fetched: inline CSS and JS, no fonts, and a Content-Security-Policy that forbids requests.
 */
export function renderHtml(document: ResultsDocument, options: HtmlOptions = {}): string {
  const results = document.results;
  const controls = [...new Set(results.map((r) => r.control))].sort();
  const namespaces = [...new Set(results.map(namespaceOf))].sort();
  const frameworks = [...new Set(results.flatMap((r) => r.refs.map((ref) => ref.framework)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const failing = results.filter((r) => r.status === 'fail');
  // Every result that needs attention is listed; passes only up to a bound, so 100 000 resources still make an openable page.
  const sorted = [...results].sort(byAttention);
  const quiet = sorted.filter((r) => r.status === 'pass' || r.status === 'not-applicable');
  const listed = [...sorted.filter((r) => r.status !== 'pass' && r.status !== 'not-applicable'), ...quiet.slice(0, options.maxQuietRows ?? MAX_QUIET_ROWS)];
  const unlisted = results.length - listed.length;
  const title = `kubeharden report — ${failing.length} failing`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>kubeharden report</h1>
<p class="meta">kubeharden ${esc(document.tool.version)} · started ${esc(document.scan.startedAt)} · finished ${esc(document.scan.finishedAt)}</p>
<p class="meta">Targets: ${document.scan.targets.map((t) => `<code>${esc(targetLabel(t))}</code>`).join(' ') || 'none'}</p>
</header>
<main>
${warningsHtml(document)}
<section class="cards" aria-label="summary">
${STATUSES.map((s) => `<div class="card" data-card="${s}" style="border-color:${STATUS_COLOR[s]}"><span class="n">${document.summary[s]}</span><span class="l">${s}</span></div>`).join('\n')}
</section>
<section class="charts">
<figure><figcaption>Results by status</figcaption>${statusChart(document)}</figure>
<figure><figcaption>Failing findings by severity</figcaption>${severityChart(failing)}</figure>
<figure class="wide"><figcaption>Benchmarks: item verdicts and score (automated items passed / evaluated)</figcaption>${benchmarkChart(document, options.benchmarks)}</figure>
</section>
<section class="filters" aria-label="filters">
<label>Status <select id="f-status"><option value="attention">needs attention (fail, error, waived, manual)</option><option value="all">all</option>${STATUSES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
<label>Severity <select id="f-severity"><option value="">all</option>${SEVERITIES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
<label>Control <select id="f-control"><option value="">all</option>${controls.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select></label>
<label>Namespace <select id="f-namespace"><option value="">all</option>${namespaces.map((n) => (n === '' ? `<option value="${NO_NAMESPACE}">(none: cluster-scoped or node)</option>` : `<option value="${esc(n)}">${esc(n)}</option>`)).join('')}</select></label>
<label>Benchmark <select id="f-benchmark"><option value="">all</option>${frameworks.map((f) => `<option value="${esc(f)}">${esc(frameworkName(f))}</option>`).join('')}</select></label>
<label class="grow">Search <input id="f-search" type="search" placeholder="name, message, file, reference…" autocomplete="off"></label>
<span id="f-count" aria-live="polite"></span>
</section>
<table id="findings">
<thead><tr><th>severity</th><th>status</th><th>control</th><th>subject</th><th>finding</th></tr></thead>
<tbody>
${listed.map(findingRow).join('\n')}
</tbody>
</table>
${unlisted > 0 ? `<p class="meta" id="f-unlisted">${unlisted} more passing or not-applicable results are counted above but not listed, to keep this page small; the JSON report has them all.</p>` : ''}
<p id="f-empty" hidden>No result matches these filters.</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'waived', 'manual', 'pass', 'not-applicable'];

/** Failing first, most severe first; stable otherwise (the document's order). */
function byAttention(a: Result, b: Result): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

function namespaceOf(result: Result): string {
  return result.subject.type === 'resource' ? (result.subject.namespace ?? '') : '';
}

function targetLabel(target: { type: string; [k: string]: unknown }): string {
  const detail = Object.entries(target)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return [target.type, ...detail].join(' ');
}

function warningsHtml(document: ResultsDocument): string {
  const warnings = document.scan.warnings ?? [];
  if (warnings.length === 0) return '';
  return `<section class="warnings"><h2>Warnings</h2><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>`;
}

function findingRow(result: Result): string {
  const meta = controlInfo(result.control);
  const location = subjectLocation(result.subject);
  const refs = result.refs.map((r) => `${r.framework}:${r.id}`);
  const search = [result.control, result.title, subjectLabel(result.subject), location, result.message, ...refs, result.waiver?.justification ?? '']
    .join(' ')
    .toLowerCase();
  const remediation = result.remediation ?? meta?.remediation;
  const details = [
    meta?.rationale ? `<h4>Why</h4><p>${esc(meta.rationale)}</p>` : '',
    remediation ? `<h4>How to fix</h4><p>${esc(remediation)}</p>` : '',
    result.waiver
      ? `<h4>Waived</h4><p>${esc(result.waiver.justification)}${result.waiver.expires ? ` (until ${esc(result.waiver.expires)})` : ''} — <code>${esc(result.waiver.source)}</code></p>`
      : '',
    refs.length ? `<h4>References</h4><p>${refs.map((r) => `<code>${esc(r)}</code>`).join(' ')}</p>` : '',
    `<p><a href="${esc(controlDocsUrl(result.control))}" rel="noreferrer">control documentation</a></p>`,
  ].join('');
  return (
    `<tr class="finding" data-status="${result.status}" data-severity="${result.severity}" data-control="${esc(result.control)}" ` +
    `data-namespace="${esc(namespaceOf(result))}" data-benchmarks="${esc(` ${[...new Set(result.refs.map((r) => r.framework))].join(' ')} `)}" data-search="${esc(search)}">` +
    `<td><span class="sev" style="background:${SEVERITY_COLOR[result.severity]}">${result.severity}</span></td>` +
    `<td><span class="st" style="color:${STATUS_COLOR[result.status]}">${result.status}</span></td>` +
    `<td><code>${esc(result.control)}</code><div class="t">${esc(result.title)}</div></td>` +
    `<td>${esc(subjectLabel(result.subject))}${location ? `<div class="loc">${esc(location)}</div>` : ''}</td>` +
    `<td><div class="msg">${esc(result.message)}</div><details><summary>why and how to fix</summary>${details}</details></td></tr>`
  );
}

/** A horizontal stacked bar of counts, with a legend; inline SVG, no script. */
function stackedBar(parts: { label: string; value: number; color: string }[], width = 420): string {
  const total = parts.reduce((n, p) => n + p.value, 0);
  let x = 0;
  const rects = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const w = total === 0 ? 0 : (p.value / total) * width;
      const rect = `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="18" fill="${p.color}"><title>${esc(p.label)}: ${p.value}</title></rect>`;
      x += w;
      return rect;
    })
    .join('');
  return `<svg class="bar" role="img" viewBox="0 0 ${width} 18" width="${width}" height="18" aria-label="${esc(parts.map((p) => `${p.label} ${p.value}`).join(', '))}">${rects || `<rect width="${width}" height="18" fill="#eee"/>`}</svg>`;
}

function legend(parts: { label: string; value: number; color: string }[]): string {
  return `<div class="legend">${parts
    .filter((p) => p.value > 0)
    .map((p) => `<span><i style="background:${p.color}"></i>${esc(p.label)} ${p.value}</span>`)
    .join('')}</div>`;
}

function statusChart(document: ResultsDocument): string {
  const parts = STATUSES.map((s) => ({ label: s, value: document.summary[s], color: STATUS_COLOR[s] }));
  return stackedBar(parts) + legend(parts);
}

function severityChart(failing: Result[]): string {
  const counts = SEVERITIES.map((s) => ({ s, n: failing.filter((r) => r.severity === s).length }));
  const max = Math.max(1, ...counts.map((c) => c.n));
  const rows = counts
    .map(({ s, n }, i) => {
      const w = (n / max) * 300;
      return `<text x="0" y="${i * 24 + 14}" font-size="12">${s}</text><rect x="70" y="${i * 24 + 2}" width="${w.toFixed(2)}" height="16" fill="${SEVERITY_COLOR[s]}"><title>${s}: ${n}</title></rect><text x="${(76 + w).toFixed(2)}" y="${i * 24 + 14}" font-size="12">${n}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="failing findings by severity" viewBox="0 0 420 ${SEVERITIES.length * 24}" width="420" height="${SEVERITIES.length * 24}">${rows}</svg>`;
}

const ITEM_STATUS_COLOR: Record<ItemStatus, string> = { ...STATUS_COLOR, 'not-checked': '#cfd8dc' };

/** Per benchmark, its items' verdicts through the benchmark view (src/frameworks) and its score. */
function benchmarkChart(document: ResultsDocument, benchmarks?: string[]): string {
  const ids = benchmarks ?? [...new Set(document.results.flatMap((r) => r.refs.map((ref) => ref.framework)))]
    .filter((id) => findFramework(id) !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (ids.length === 0) return '<p class="meta">No result references a benchmark.</p>';
  return `<table class="bench">${ids
    .map((id) => {
      const view = benchmarkView(document, id);
      const parts = ITEM_STATUSES.map((s) => ({ label: s, value: view.counts[s], color: ITEM_STATUS_COLOR[s] }));
      const score = view.score.percent === null ? 'no automated item evaluated' : `score ${view.score.percent.toFixed(1)}% (${view.score.passed}/${view.score.evaluated})`;
      return `<tr data-benchmark="${esc(id)}"><th>${esc(view.framework.title)}</th><td>${stackedBar(parts, 320)}</td><td><b class="score">${esc(score)}</b>${legend(parts)}</td></tr>`;
    })
    .join('')}</table>`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#212121}
body{margin:0;background:#fafafa}header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}
.meta{margin:2px 0;color:#b0bec5}main .meta{color:#616161}main{padding:16px 24px}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}.card{background:#fff;border-left:5px solid;padding:8px 14px;min-width:90px;box-shadow:0 1px 2px #0002}
.card .n{display:block;font-size:22px;font-weight:600}.card .l{color:#616161}
.charts{display:flex;gap:16px;flex-wrap:wrap}figure{background:#fff;margin:0;padding:12px;box-shadow:0 1px 2px #0002}figure.wide{flex-basis:100%}
figcaption{font-weight:600;margin-bottom:8px}.legend{display:flex;gap:10px;flex-wrap:wrap;font-size:12px;margin-top:4px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.bench th{text-align:left;padding-right:12px;font-weight:500}.bench td{padding:4px 8px}
.warnings{background:#fff8e1;border-left:5px solid #f9a825;padding:4px 16px;margin-bottom:16px}
.filters{display:flex;gap:12px;flex-wrap:wrap;align-items:end;margin:16px 0;position:sticky;top:0;background:#fafafa;padding:8px 0}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#424242}.filters .grow{flex:1;min-width:200px}
select,input{font:inherit;padding:4px}#f-count{color:#616161}
table#findings{border-collapse:collapse;width:100%;background:#fff}#findings th,#findings td{border-bottom:1px solid #e0e0e0;padding:6px 8px;text-align:left;vertical-align:top}
#findings th{background:#eceff1;position:sticky;top:52px}.sev{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}.st{font-weight:600}
.t,.loc{color:#616161;font-size:12px}.msg{margin-bottom:4px;white-space:pre-wrap}details h4{margin:8px 0 2px}details p{margin:0 0 4px;max-width:80ch}
tr[hidden]{display:none}
`;

const SCRIPT = `
(function(){
  var rows=[].slice.call(document.querySelectorAll('#findings tr.finding'));
  var ids=['f-status','f-severity','f-control','f-namespace','f-benchmark','f-search'];
  var el={};ids.forEach(function(id){el[id]=document.getElementById(id)});
  var attention=${JSON.stringify(ATTENTION)};
  function apply(){
    var st=el['f-status'].value,sev=el['f-severity'].value,ctl=el['f-control'].value,ns=el['f-namespace'].value,bm=el['f-benchmark'].value;
    var words=el['f-search'].value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown=0;
    rows.forEach(function(r){
      var d=r.dataset;
      var ok=(st==='all'||(st==='attention'?attention.indexOf(d.status)>=0:d.status===st))
        &&(!sev||d.severity===sev)&&(!ctl||d.control===ctl)&&(ns===''||d.namespace===(ns===${JSON.stringify(NO_NAMESPACE)}?'':ns))
        &&(!bm||d.benchmarks.indexOf(' '+bm+' ')>=0)
        &&words.every(function(w){return d.search.indexOf(w)>=0});
      r.hidden=!ok;if(ok)shown++;
    });
    document.getElementById('f-count').textContent=shown+' of '+rows.length+' results shown';
    document.getElementById('f-empty').hidden=shown>0;
  }
  ids.forEach(function(id){el[id].addEventListener('input',apply);el[id].addEventListener('change',apply)});
  [].slice.call(document.querySelectorAll('.card')).forEach(function(c){
    c.addEventListener('click',function(){el['f-status'].value=c.getAttribute('data-card');apply()});
  });
  apply();
})();
`;
