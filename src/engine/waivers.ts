import type { ObjectMeta, SourcedObject } from '../evidence/kube-object.js';
import { workloadOf } from '../evidence/workload.js';
import type { Result, Subject, Waiver } from './result.js';

/** Which subjects an exception covers; every field given must match (absent = any). */
export interface ExceptionSelector {
  namespace?: string;
  kind?: string;
  /** Glob over the object name (`*`, `?`). */
  name?: string;
  /** Every label must be present on the object with this value. */
  labels?: Record<string, string>;
  /** Glob over the node a component or file result is about. */
  node?: string;
  /** Glob over the file or path of the subject (`**` crosses `/`). */
  file?: string;
}

/** One entry of `.kubeharden.yaml` `exceptions:` (or an inline annotation), validated. */
export interface ExceptionRule {
  /** A control id (`privileged-container`) … */
  control?: string;
  /** … or a benchmark item (`cis-1.9:5.2.2`, `stig-v2r2:V-242415`). */
  item?: { framework: string; id: string };
  selector: ExceptionSelector;
  justification: string;
  /** YYYY-MM-DD: the last day the exception applies (UTC). */
  expires?: string;
  /** Where it was written, e.g. `.kubeharden.yaml:12`. */
  source: string;
}

export const EXEMPT_ANNOTATION_PREFIX = 'kubeharden.io/exempt-';

export interface WaiverOptions {
  /** `--no-exemptions`: neither the config's exceptions nor annotations apply. */
  disabled?: boolean;
  /** Today, as YYYY-MM-DD (UTC); injectable for tests. */
  today?: string;
}

export interface WaiverUsage {
  /** Indexes of the rules that covered a result. */
  used: number[];
  annotationWarnings: string[];
}

/** Turns covered `fail` results into `waived` ones, and remembers what it could not use. */
export class WaiverSet {
  private readonly active: ExceptionRule[] = [];
  private readonly expired: ExceptionRule[] = [];
  private readonly used = new Set<ExceptionRule>();
  private readonly annotationWarnings = new Set<string>();
  readonly disabled: boolean;
  private readonly today: string;

  constructor(
    private readonly rules: readonly ExceptionRule[],
    options: WaiverOptions = {},
  ) {
    this.disabled = options.disabled ?? false;
    const today = (this.today = options.today ?? new Date().toISOString().slice(0, 10));
    for (const rule of rules) {
      if (rule.expires !== undefined && rule.expires < today) this.expired.push(rule);
      else this.active.push(rule);
    }
  }

  /**
   * The result as reported: a `fail` covered by an unexpired exception becomes `waived`.
   * `object` is the Kubernetes object a resource result is about, for labels and annotations;
   * `podMetadata` its pod template's metadata when the caller has the workload view (else it is derived).
   */
  apply(result: Result, object?: SourcedObject, podMetadata?: ObjectMeta): Result {
    if (this.disabled || result.status !== 'fail') return result;
    const waiver = (object && this.annotationWaiver(result, object, podMetadata)) ?? this.configWaiver(result, object);
    return waiver ? { ...result, status: 'waived', waiver } : result;
  }

  /** The rules and options as plain data, to build the same set in a worker thread. */
  portable(): { rules: readonly ExceptionRule[]; options: WaiverOptions } {
    return { rules: this.rules, options: { disabled: this.disabled, today: this.today } };
  }

  /** What applying exceptions has noted so far (rules used, annotation problems), for the set this one was built from. */
  usage(): WaiverUsage {
    return { used: this.rules.flatMap((rule, i) => (this.used.has(rule) ? [i] : [])), annotationWarnings: [...this.annotationWarnings] };
  }

  /** Takes over the usage another set (built from this one's portable form) noted. */
  absorbUsage(usage: WaiverUsage): void {
    for (const i of usage.used) this.used.add(this.rules[i]!);
    for (const warning of usage.annotationWarnings) this.annotationWarnings.add(warning);
  }

  /** Warnings for the user (stderr, and the document's scan.warnings): expired and unused exceptions. */
  warnings(): string[] {
    if (this.disabled) return [];
    const warnings = this.expired.map(
      (rule) => `${rule.source}: exception for ${ruleTarget(rule)} expired on ${rule.expires} and was not applied; renew or remove it`,
    );
    for (const rule of this.active) {
      if (!this.used.has(rule)) warnings.push(`${rule.source}: exception for ${ruleTarget(rule)} matched no failing result; remove it if it is obsolete`);
    }
    return [...warnings, ...[...this.annotationWarnings].sort()];
  }

  private configWaiver(result: Result, object?: SourcedObject): Waiver | undefined {
    for (const rule of this.active) {
      if (!ruleCoversControl(rule, result) || !selectorMatches(rule.selector, result.subject, object)) continue;
      this.used.add(rule);
      const waiver: Waiver = { justification: rule.justification, source: rule.source };
      if (rule.expires !== undefined) waiver.expires = rule.expires;
      return waiver;
    }
    return undefined;
  }

  private annotationWaiver(result: Result, sourced: SourcedObject, podMetadata?: ObjectMeta): Waiver | undefined {
    const key = EXEMPT_ANNOTATION_PREFIX + result.control;
    // The object's own annotations, then (for workloads) the pod template's.
    const candidates: Record<string, unknown>[] = [];
    const own = sourced.object.metadata?.annotations;
    if (own && typeof own === 'object') candidates.push(own);
    const template = (podMetadata ?? workloadOf(sourced)?.podMetadata)?.annotations;
    if (template && typeof template === 'object' && template !== own) candidates.push(template);
    for (const annotations of candidates) {
      if (!(key in annotations)) continue;
      const reason = annotations[key];
      const where = sourced.origin ? ` (${sourced.origin.file}:${sourced.origin.line})` : '';
      const label = `${sourced.object.kind} ${sourced.object.metadata?.namespace ? `${sourced.object.metadata.namespace}/` : ''}${sourced.object.metadata?.name ?? ''}`;
      if (typeof reason !== 'string' || reason.trim() === '') {
        this.annotationWarnings.add(`annotation ${key} on ${label}${where} has no reason and was not applied; write why the exemption is safe as its value`);
        continue;
      }
      return { justification: reason.trim(), source: `annotation ${key} on ${label}${where}` };
    }
    return undefined;
  }
}

function ruleTarget(rule: ExceptionRule): string {
  return rule.control ?? `${rule.item!.framework}:${rule.item!.id}`;
}

function ruleCoversControl(rule: ExceptionRule, result: Result): boolean {
  if (rule.control !== undefined) return rule.control === result.control;
  const item = rule.item!;
  return result.refs.some((ref) => ref.framework === item.framework && ref.id === item.id);
}

function selectorMatches(selector: ExceptionSelector, subject: Subject, sourced?: SourcedObject): boolean {
  const resourceFields = selector.namespace !== undefined || selector.kind !== undefined || selector.name !== undefined || selector.labels !== undefined;
  if (resourceFields) {
    if (subject.type !== 'resource') return false;
    // A Namespace is selected by its own name: `namespace: lab` covers the namespace itself.
    const namespace = subject.kind === 'Namespace' ? subject.name : (subject.namespace ?? '');
    if (selector.namespace !== undefined && !globMatch(selector.namespace, namespace)) return false;
    if (selector.kind !== undefined && !globMatch(selector.kind, subject.kind)) return false;
    if (selector.name !== undefined && !globMatch(selector.name, subject.name)) return false;
    if (selector.labels !== undefined) {
      // Without the object the labels are unknown: fail closed, do not waive.
      const labels = sourced?.object.metadata?.labels;
      if (!labels) return false;
      for (const [key, value] of Object.entries(selector.labels)) if (labels[key] !== value) return false;
    }
  }
  if (selector.node !== undefined) {
    const node = 'node' in subject ? subject.node : undefined;
    if (node === undefined || !globMatch(selector.node, node)) return false;
  }
  if (selector.file !== undefined) {
    const file = subject.type === 'file' ? subject.path : 'file' in subject ? subject.file : undefined;
    if (file === undefined || !globMatch(selector.file, file)) return false;
  }
  return true;
}

/** Glob match: `*` any run of characters but `/`, `**` any run including `/`, `?` one character. */
export function globMatch(pattern: string, value: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(value);
}
