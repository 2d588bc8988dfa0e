import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';

/**
 * A renderer for exactly the subset of Helm templates kubeharden's chart uses (no helm binary is
 * available here): `{{ .Values.a.b }}`, `{{ .Release.Namespace }}`, `{{- toYaml .Values.x | nindent N }}`
 * and `{{- if .Values.x }} … {{- end }}` with Go-template truthiness. `{{-` trims the whitespace
 * before the action, as Helm does. Anything else — another function, `-}}`, `else`, a missing
 * value, a map printed as a scalar — throws, so the chart cannot drift into syntax this does not check.
 */
export interface RenderContext {
  values: Record<string, unknown>;
  release: { namespace: string };
}

type Node = { type: 'text'; text: string } | { type: 'print'; expr: string } | { type: 'if'; path: string; body: Node[] };

const VALUE_PATH = /^\.Values(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

function lookup(path: string, context: RenderContext): unknown {
  if (path === '.Release.Namespace') return context.release.namespace;
  if (!VALUE_PATH.test(path)) throw new Error(`unsupported reference ${path}`);
  let value: unknown = context.values;
  for (const key of path.split('.').slice(2)) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function parse(template: string, file: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const pattern = /\{\{(-?) ?(.*?) ?(-?)\}\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    const [whole, trimLeft, action, trimRight] = match;
    let text = template.slice(last, match.index);
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (trimRight) throw new Error(`${file}: "-}}" is outside the supported subset`);
    stack.at(-1)!.push({ type: 'text', text });
    last = match.index + whole.length;
    const expr = action!.trim();
    const ifMatch = /^if (\S+)$/.exec(expr);
    if (ifMatch) {
      const node: Node = { type: 'if', path: ifMatch[1]!, body: [] };
      if (!VALUE_PATH.test(node.path)) throw new Error(`${file}: unsupported condition ${expr}`);
      stack.at(-1)!.push(node);
      stack.push(node.body);
    } else if (expr === 'end') {
      if (stack.length === 1) throw new Error(`${file}: {{ end }} without {{ if }}`);
      stack.pop();
    } else {
      stack.at(-1)!.push({ type: 'print', expr });
    }
  }
  if (stack.length !== 1) throw new Error(`${file}: unterminated {{ if }}`);
  if (template.slice(last).includes('{{')) throw new Error(`${file}: unterminated action`);
  root.push({ type: 'text', text: template.slice(last) });
  return root;
}

function evaluate(expr: string, context: RenderContext): string {
  const toYaml = /^toYaml (\S+) \| nindent (\d+)$/.exec(expr);
  if (toYaml) {
    const value = lookup(toYaml[1]!, context);
    if (value === undefined) throw new Error(`no value for ${toYaml[1]}`);
    const indent = ' '.repeat(Number(toYaml[2]));
    return `\n${dump(value, { lineWidth: -1 }).replace(/\n$/, '').split('\n').map((line) => indent + line).join('\n')}`;
  }
  if (!/^\.[A-Za-z.]+$/.test(expr)) throw new Error(`unsupported action {{ ${expr} }}`);
  const value = lookup(expr, context);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`{{ ${expr} }} is ${value === undefined ? 'missing' : 'not a scalar'}`);
}

function render(nodes: Node[], context: RenderContext): string {
  return nodes.map((node) => {
    if (node.type === 'text') return node.text;
    if (node.type === 'print') return evaluate(node.expr, context);
    return truthy(lookup(node.path, context)) ? render(node.body, context) : '';
  }).join('');
}

export function renderTemplate(template: string, context: RenderContext, file = 'template'): string {
  return render(parse(template, file), context);
}

/** Every template of the chart rendered with values.yaml merged with `overrides` (one level deep). */
export function renderChart(chartDir: string, namespace: string, overrides: Record<string, unknown> = {}): { file: string; text: string }[] {
  const values = { ...(load(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>), ...overrides };
  const dir = join(chartDir, 'templates');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((file) => ({
    file,
    text: renderTemplate(readFileSync(join(dir, file), 'utf8'), { values, release: { namespace } }, file),
  }));
}
