/**
 * Templates for component controls: a check on a flag, an admission plugin or a feature gate of
 * kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kubelet or kube-proxy, however the
 * component was started. Each CIS/STIG flag item is a short declaration over these.
 */
import {
  configFileUnread,
  describeSetting,
  documentedDefault,
  effectiveSetting,
  featureGateDefault,
  SCHEMAS,
  type ComponentConfig,
  type ComponentKind,
  type Effective,
  type SettingValue,
  type SourceLocation,
} from '../evidence/component-config/index.js';
import { boolValue, displayValue, durationValue, listValue, mapValue, numberValue } from '../evidence/component-config/values.js';
import type { Check, ComponentControl, ControlMeta } from './control.js';

/** What a benchmark wants of one setting. */
export interface Expectation {
  /** For messages: what the benchmark requires, e.g. "false", "to include NodeRestriction". */
  wants: string;
  /** true: satisfied; false: violated; undefined: the value does not parse. */
  test(value: SettingValue): boolean | undefined;
  /** What exactly is wrong with a failing value (e.g. the offending list items), for the message. */
  explain?(value: SettingValue): string;
  /** Verdict when the setting is unset and kubeharden knows no default for it. Default `fail` (must be set). */
  whenUnsetWithoutDefault?: 'pass' | 'fail';
}

export const isFalse = (): Expectation => ({ wants: 'to be false', test: (v) => (boolValue(v) === undefined ? undefined : boolValue(v) === false) });
export const isTrue = (): Expectation => ({ wants: 'to be true', test: (v) => (boolValue(v) === undefined ? undefined : boolValue(v) === true) });
/** Set to a non-empty value (a file path, a URL). */
export const present = (): Expectation => ({ wants: 'to be set', test: (v) => displayValue(v).trim() !== '' });
/** Not set at all. */
export const absent = (): Expectation => ({ wants: 'not to be set', test: () => false, whenUnsetWithoutDefault: 'pass' });
export const equals = (expected: string): Expectation => ({ wants: `to be ${expected}`, test: (v) => displayValue(v) === expected });
export const oneOf = (allowed: readonly string[]): Expectation => ({
  wants: `to be one of ${allowed.join(', ')}`,
  test: (v) => allowed.includes(displayValue(v)),
});
export const atLeast = (minimum: number): Expectation => ({
  wants: `to be ${minimum} or more`,
  test: (v) => {
    const n = numberValue(v);
    return n === undefined ? undefined : n >= minimum;
  },
});
export const includes = (item: string): Expectation => ({ wants: `to include ${item}`, test: (v) => listValue(v).includes(item) });
export const excludes = (item: string): Expectation => ({ wants: `not to include ${item}`, test: (v) => !listValue(v).includes(item) });
export const includesAll = (items: readonly string[]): Expectation => ({
  wants: `to include ${items.join(',')}`,
  test: (v) => items.every((item) => listValue(v).includes(item)),
});
/** Every item of a non-empty list is in `allowed` (kube-bench valid_elements). */
export const onlyFrom = (allowed: readonly string[]): Expectation => ({
  wants: `to list only suites from: ${allowed.join(',')}`,
  test: (v) => {
    const items = listValue(v);
    return items.length > 0 && items.every((item) => allowed.includes(item));
  },
  explain: (v) => {
    const items = listValue(v);
    return items.length === 0 ? 'the list is empty' : `not on the list: ${items.filter((item) => !allowed.includes(item)).join(', ')}`;
  },
});
export const positiveDuration = (): Expectation => ({
  wants: 'to be a duration greater than 0',
  test: (v) => {
    const seconds = durationValue(v);
    return seconds === undefined ? undefined : seconds > 0;
  },
});
/** A host or host:port on the loopback interface (127.0.0.0/8, ::1, localhost). */
export const loopback = (): Expectation => ({
  wants: 'to be a loopback address (127.0.0.1)',
  test: (v) => {
    const host = displayValue(v).replace(/^\[?([^\]]*?)\]?(:\d+)?$/, '$1');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  },
});

/** The family folder of a component's controls. */
export const FAMILY_OF: Readonly<Record<ComponentKind, string>> = {
  'kube-apiserver': 'apiserver',
  'kube-controller-manager': 'controller-manager',
  'kube-scheduler': 'scheduler',
  etcd: 'etcd',
  kubelet: 'kubelet',
  'kube-proxy': 'kube-proxy',
};

/** Where each component's flags are edited, for remediation text. */
const WHERE: Readonly<Record<ComponentKind, string>> = {
  'kube-apiserver':
    'in /etc/kubernetes/manifests/kube-apiserver.yaml on every control-plane node (kubeadm; the kubelet restarts the static pod), or under kube-apiserver-arg in /etc/rancher/rke2/config.yaml (RKE2) or /etc/rancher/k3s/config.yaml (k3s)',
  'kube-controller-manager':
    'in /etc/kubernetes/manifests/kube-controller-manager.yaml on every control-plane node, or under kube-controller-manager-arg in /etc/rancher/rke2/config.yaml (RKE2) or /etc/rancher/k3s/config.yaml (k3s)',
  'kube-scheduler':
    'in /etc/kubernetes/manifests/kube-scheduler.yaml on every control-plane node, or under kube-scheduler-arg in /etc/rancher/rke2/config.yaml (RKE2) or /etc/rancher/k3s/config.yaml (k3s)',
  etcd: 'in /etc/kubernetes/manifests/etcd.yaml on every etcd member (or the etcd systemd unit / --config-file for an external etcd), or under etcd-arg in /etc/rancher/rke2/config.yaml (RKE2) or /etc/rancher/k3s/config.yaml (k3s)',
  kubelet: 'in the kubelet config file (--config, e.g. /var/lib/kubelet/config.yaml) or the kubelet flags of its systemd drop-in, then restart the kubelet',
  'kube-proxy': 'in the kube-proxy configuration (the config.conf key of ConfigMap kube-system/kube-proxy on kubeadm, or the file given by --config), then restart the kube-proxy Pods',
};

export function remediationFor(component: ComponentKind, fix: string): string {
  return `${fix.charAt(0).toUpperCase()}${fix.slice(1)} ${WHERE[component]}.`;
}

export interface ComponentControlSpec extends Omit<ControlMeta, 'family' | 'remediation'> {
  component: ComponentKind;
  /** The change that fixes a failure, e.g. "set --anonymous-auth=false"; the remediation adds where. */
  fix: string;
  /** Replaces the generated remediation. */
  remediation?: string;
  /** A reason the control does not apply to this component (e.g. a flag removed in this version). */
  notApplicable?: (config: ComponentConfig) => string | undefined;
  /** A reason the verdict needs a human (e.g. authorization configured by a file kubeharden cannot read). */
  manualWhen?: (config: ComponentConfig) => string | undefined;
}

export interface FlagControlSpec extends ComponentControlSpec {
  /** The flag (without dashes); several when the item needs all of them (cert and key). */
  flag: string | readonly string[];
  expect: Expectation;
}

function locationOf(effective: Effective): SourceLocation | undefined {
  return effective.state === 'set' ? effective.setting.origin.location : undefined;
}

function check(status: Check['status'], message: string, location?: SourceLocation): Check {
  const result: Check = { status, message };
  if (location) {
    result.location = location;
    if (location.path) result.path = location.path;
  }
  return result;
}

/** A flag that lives in a config file the source could not read may be set there. */
function hiddenInUnreadConfigFile(config: ComponentConfig, flag: string): boolean {
  return configFileUnread(config) && flag in SCHEMAS[config.kind].configFields;
}

/** The verdict on one flag. */
export function judgeFlag(config: ComponentConfig, flag: string, expect: Expectation): Check {
  const effective = effectiveSetting(config, flag);
  if (effective.state === 'set') {
    const written = describeSetting(effective.setting);
    const verdict = expect.test(effective.value);
    const location = locationOf(effective);
    if (verdict === undefined) return check('fail', `${written} is not a valid value; the benchmark requires --${flag} ${expect.wants}`, location);
    if (verdict) return check('pass', `${written}`, location);
    const detail = expect.explain ? ` (${expect.explain(effective.value)})` : '';
    return check('fail', `${written}${detail}; the benchmark requires --${flag} ${expect.wants}`, location);
  }
  if (hiddenInUnreadConfigFile(config, flag)) {
    if (config.configFile?.error !== undefined) {
      return check('error', `--${flag} is not on the command line and the config file ${config.configFile.path} could not be read: ${config.configFile.error}`, { file: config.configFile.path });
    }
    return check('manual', `--${flag} is not on the command line and the config file ${String(config.settings.get(SCHEMAS[config.kind].configFlag!)?.value)} was not read; check it there`);
  }
  if (effective.state === 'default') {
    const verdict = expect.test(effective.value);
    const assumed = effective.default.assumed ? '; the Kubernetes version is unknown, so the less safe historical default is assumed' : '';
    const about = `--${flag} is not set (${effective.default.note.replace(/; Kubernetes version unknown.*$/, '')}${assumed})`;
    return verdict ? check('pass', about) : check('fail', `${about}; the benchmark requires --${flag} ${expect.wants}`);
  }
  return (expect.whenUnsetWithoutDefault ?? 'fail') === 'pass'
    ? check('pass', `--${flag} is not set`)
    : check('fail', `--${flag} is not set; the benchmark requires it ${expect.wants}`);
}

function metaOf(spec: ComponentControlSpec): ControlMeta {
  return {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    family: FAMILY_OF[spec.component],
    rationale: spec.rationale,
    remediation: spec.remediation ?? remediationFor(spec.component, spec.fix),
    refs: spec.refs,
  };
}

/** A component control from a metadata spec and a judgement that sees the config (after applicability). */
export function componentControl(
  spec: ComponentControlSpec & { needsPeers?: boolean },
  judge: (config: ComponentConfig, context: Parameters<ComponentControl['evaluate']>[1]) => Check[],
): ComponentControl {
  return {
    ...metaOf(spec),
    scope: 'component',
    component: spec.component,
    ...(spec.needsPeers ? { needsPeers: true } : {}),
    evaluate(config, context) {
      const notApplicable = spec.notApplicable?.(config);
      if (notApplicable) return [check('not-applicable', notApplicable)];
      const manual = spec.manualWhen?.(config);
      if (manual) return [check('manual', manual)];
      const checks = judge(config, context);
      // Fail closed: arguments kubeharden cannot read may set the very flag that passed.
      if (!config.unresolvedArgs?.length) return checks;
      return checks.map((c) =>
        c.status === 'pass'
          ? { ...c, status: 'manual' as const, message: `${c.message}, but the command line also has ${config.unresolvedArgs!.join(' ')}, which kubeharden cannot resolve` }
          : c,
      );
    },
  };
}

/** The declaration most CIS/STIG flag items need: one or more flags, one expectation. */
export function flagControl(spec: FlagControlSpec): ComponentControl {
  const flags = typeof spec.flag === 'string' ? [spec.flag] : spec.flag;
  return componentControl(spec, (config) => {
    const checks = flags.map((flag) => judgeFlag(config, flag, spec.expect));
    const failed = checks.filter((c) => c.status !== 'pass');
    if (checks.length === 1) return checks;
    if (failed.length === 0) return [{ ...checks[0]!, message: checks.map((c) => c.message).join('; ') }];
    const worst = failed.find((c) => c.status === 'fail') ?? failed[0]!;
    return [{ ...worst, message: failed.map((c) => c.message).join('; ') }];
  });
}

/** The admission plugins a kube-apiserver runs, and why each is (not) there. */
export function admissionPlugins(config: ComponentConfig): {
  enabled: Set<string>;
  explicit: ReadonlySet<string>;
  disabled: ReadonlySet<string>;
  enableLocation?: SourceLocation;
  disableLocation?: SourceLocation;
  legacy: boolean;
} {
  const legacy = config.settings.get('admission-control');
  const enable = effectiveSetting(config, 'enable-admission-plugins');
  const disable = effectiveSetting(config, 'disable-admission-plugins');
  const explicit = new Set(enable.state === 'set' ? listValue(enable.value) : []);
  const disabled = new Set(disable.state === 'set' ? listValue(disable.value) : []);
  // --enable-admission-plugins adds to the default-on plugins; the deprecated --admission-control
  // list replaces them outright.
  const defaults = documentedDefault('kube-apiserver', 'enable-admission-plugins', { version: config.version, usesConfigFile: false });
  const enabled = new Set(legacy ? listValue(legacy.value) : [...listValue(defaults?.value ?? []), ...explicit]);
  for (const plugin of disabled) enabled.delete(plugin);
  const result: ReturnType<typeof admissionPlugins> = { enabled, explicit, disabled, legacy: legacy !== undefined };
  const enableLocation = legacy?.origin.location ?? locationOf(enable);
  if (enableLocation) result.enableLocation = enableLocation;
  const disableLocation = locationOf(disable);
  if (disableLocation) result.disableLocation = disableLocation;
  return result;
}

export interface AdmissionPluginSpec extends ComponentControlSpec {
  plugin: string;
  expect: 'enabled' | 'disabled';
}

/** "Ensure that the admission control plugin X is (not) set" (CIS 1.2.9–1.2.14, STIG V-242436). */
export function admissionPluginControl(spec: AdmissionPluginSpec): ComponentControl {
  return componentControl(spec, (config) => {
    const plugins = admissionPlugins(config);
    const on = plugins.enabled.has(spec.plugin);
    const how = plugins.disabled.has(spec.plugin)
      ? `is disabled by --disable-admission-plugins`
      : plugins.explicit.has(spec.plugin)
        ? `is enabled by --enable-admission-plugins`
        : on
          ? `is enabled by default${config.version ? ` in v${config.version.major}.${config.version.minor}` : ''}`
          : plugins.legacy
            ? 'is not in --admission-control'
            : `is not in --enable-admission-plugins${plugins.explicit.size === 0 ? ' (not set)' : ''} and not enabled by default`;
    const location = plugins.disabled.has(spec.plugin) ? plugins.disableLocation : plugins.enableLocation;
    const ok = spec.expect === 'enabled' ? on : !on;
    return [check(ok ? 'pass' : 'fail', `admission plugin ${spec.plugin} ${how}`, location)];
  });
}

export interface FeatureGateSpec extends ComponentControlSpec {
  gate: string;
  expect: boolean;
}

/** "Feature gate X must be true/false" over --feature-gates (or the config file's featureGates) and the gate's default. */
export function featureGateControl(spec: FeatureGateSpec): ComponentControl {
  return componentControl(spec, (config) => {
    const gates = effectiveSetting(config, 'feature-gates');
    const explicit = gates.state === 'set' ? mapValue(gates.value) : {};
    const location = locationOf(gates);
    const want = String(spec.expect);
    if (spec.gate in explicit) {
      const value = boolValue(explicit[spec.gate]!);
      if (value === undefined) return [check('fail', `--feature-gates sets ${spec.gate}=${explicit[spec.gate]}, which is not a boolean`, location)];
      return [check(String(value) === want ? 'pass' : 'fail', `--feature-gates sets ${spec.gate}=${value}; the benchmark requires ${spec.gate}=${want}`, location)];
    }
    if (hiddenInUnreadConfigFile(config, 'feature-gates')) {
      if (config.configFile?.error !== undefined) {
        return [check('error', `${spec.gate} is not on the command line and the config file ${config.configFile.path} could not be read: ${config.configFile.error}`, { file: config.configFile.path })];
      }
      return [check('manual', `${spec.gate} is not set on the command line and the config file was not read; check its featureGates`)];
    }
    const fallback = featureGateDefault(spec.gate, config.version);
    if (!fallback) return [check('manual', `${spec.gate} is not set and its default for this version is not known to kubeharden`)];
    const ok = fallback.value === want;
    return [check(ok ? 'pass' : 'fail', `${spec.gate} is not set in --feature-gates; ${fallback.note}: ${String(fallback.value)}${ok ? '' : `; the benchmark requires ${spec.gate}=${want}`}`, location)];
  });
}

/** The content of the file a flag names, as far as the source could provide it. */
export type ReferencedContent =
  | { state: 'unset' }
  | { state: 'unavailable'; path: string }
  | { state: 'error'; path: string; error: string }
  | { state: 'read'; path: string; content: unknown };

export function referencedContent(config: ComponentConfig, flag: string): ReferencedContent {
  const setting = config.settings.get(flag);
  if (!setting) return { state: 'unset' };
  const path = displayValue(setting.value);
  const file = config.referencedFiles.get(path);
  if (!file) return { state: 'unavailable', path };
  if (file.error !== undefined) return { state: 'error', path, error: file.error };
  return { state: 'read', path, content: file.content };
}

export interface FileContentSpec extends ComponentControlSpec {
  /** The flag that names the file. */
  flag: string;
  /** The verdict on the parsed file. */
  judgeContent: (content: unknown, path: string) => Pick<Check, 'status' | 'message'>;
}

/**
 * A check on the content of a file a flag names (encryption provider config, audit policy).
 * Controls never read files: the node source puts the parsed file in `referencedFiles`. Where it
 * could not (a manifest scanned alone) the verdict is `manual`, never `pass`.
 */
export function fileContentControl(spec: FileContentSpec): ComponentControl {
  const control = componentControl(spec, (config) => {
    const content = referencedContent(config, spec.flag);
    switch (content.state) {
      case 'unset':
        return [check('fail', `--${spec.flag} is not set, so there is no file to check`)];
      case 'unavailable':
        return [check('manual', `the content of ${content.path} (--${spec.flag}) was not available; run kubeharden node on the control-plane node, or review the file by hand`)];
      case 'error':
        return [check('error', `${content.path} (--${spec.flag}) could not be read: ${content.error}`, { file: content.path })];
      case 'read':
        return [{ ...spec.judgeContent(content.content, content.path), location: { file: content.path } }];
    }
  });
  return { ...control, needsFiles: [spec.flag] };
}
