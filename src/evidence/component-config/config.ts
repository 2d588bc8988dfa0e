import type { FieldPath } from '../kube-object.js';
import { getPath, isRecord } from '../kube-object.js';
import { documentedDefault, type DocumentedDefault } from './defaults.js';
import { parseFlags, parseKeyValueList, splitList, type FlagOccurrence } from './flags.js';
import type { ComponentKind, ComponentVersion } from './kinds.js';
import { flagOfEnvVariable, SCHEMAS } from './schema.js';

/** A setting's value: flags give strings (lists and maps already split); config files give JSON values. */
export type SettingValue = string | boolean | number | string[] | Record<string, string>;

/** Where a line in a file is, for findings. Sources fill what they know. */
export interface SourceLocation {
  file?: string;
  line?: number;
  /** Field path within a Kubernetes object (a static pod manifest), for its line. */
  path?: FieldPath;
}

/** Where an explicit setting came from. */
export type SettingOrigin =
  | { type: 'flag'; flag: string; argIndex: number; written: string; location?: SourceLocation }
  | { type: 'env'; variable: string; location?: SourceLocation }
  | { type: 'config-file'; file: string; field: string; location?: SourceLocation };

/** An explicitly configured setting, keyed by the component's flag name. */
export interface Setting {
  name: string;
  value: SettingValue;
  origin: SettingOrigin;
  /** Earlier flag occurrences of the same setting (repeated scalar flags: the last one wins). */
  overridden?: SettingOrigin[];
}

/** A config file the component reads (kubelet --config, etcd --config-file ...), as parsed by the source. */
export interface ComponentConfigFile {
  path: string;
  /** Parsed YAML/JSON; undefined with `error` when it could not be read or parsed. */
  content?: Record<string, unknown>;
  error?: string;
  /** Line of a field, when the source parsed with positions. */
  lineOf?: (path: FieldPath) => number | undefined;
}

/**
 * A file a setting names whose *content* a control needs (encryption provider config, audit
 * policy, admission control config). Sources that can read the file fill `content`/`text`;
 * controls that need it return `manual` when it is missing and `error` when reading failed.
 */
export interface ReferencedFile {
  path: string;
  /** Parsed YAML/JSON document. */
  content?: unknown;
  text?: string;
  error?: string;
}

/** How the component was found. */
export interface ComponentSourceInfo {
  type: 'pod' | 'process' | 'systemd' | 'config';
  /** Human description: `/etc/kubernetes/manifests/kube-apiserver.yaml`, `pid 1234`, … */
  description: string;
  file?: string;
}

/** A component's effective configuration. */
export interface ComponentConfig {
  kind: ComponentKind;
  /** The Kubernetes version the defaults are taken for; undefined when unknown. */
  version?: ComponentVersion;
  source: ComponentSourceInfo;
  /** Every flag as written, in order. */
  flags: FlagOccurrence[];
  /** Effective explicit settings by flag name, after the component's precedence rules. */
  settings: Map<string, Setting>;
  configFile?: ComponentConfigFile;
  /** Contents of files named by settings (by path as written in the setting), filled by sources. */
  referencedFiles: Map<string, ReferencedFile>;
  /** Things that went wrong building this (unreadable config file, …), for `error` results. */
  problems: string[];
  /**
   * Arguments whose text is not known (`$(EXTRA_ARGS)` from a valueFrom env, `$FLAGS` in a shell
   * script): they may set flags kubeharden cannot see, so no control may pass on this config.
   */
  unresolvedArgs?: string[];
}

export interface BuildOptions {
  kind: ComponentKind;
  /** Arguments after the program name. */
  args: readonly string[];
  /** Index in the caller's argv of args[0] (so argIndex points into command+args). Default 0. */
  argIndexOffset?: number;
  /** Where each argument is, by index in the caller's argv (for the finding's line). */
  locateArg?: (argIndex: number) => SourceLocation | undefined;
  /** Environment (etcd reads ETCD_* variables). */
  env?: Readonly<Record<string, string>>;
  locateEnv?: (variable: string) => SourceLocation | undefined;
  /** The file the config flag names, as read by the source. */
  configFile?: ComponentConfigFile;
  version?: ComponentVersion;
  source: ComponentSourceInfo;
  /** Arguments whose text the source could not resolve (see ComponentConfig.unresolvedArgs). */
  unresolvedArgs?: string[];
}

function flagValue(kind: ComponentKind, name: string, written: string, previous: SettingValue | undefined): SettingValue {
  const schema = SCHEMAS[kind];
  if (schema.listFlags.has(name)) {
    const items = splitList(written);
    return Array.isArray(previous) ? [...previous, ...items] : items;
  }
  if (schema.mapFlags.has(name)) {
    const map = parseKeyValueList(written);
    return isRecord(previous) ? { ...(previous as Record<string, string>), ...map } : map;
  }
  return written;
}

/** Config-file JSON value as a SettingValue (maps of scalars become string maps, e.g. featureGates). */
function fileValue(value: unknown): SettingValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  return undefined;
}

/** Settings from the command line (and etcd's environment), with pflag's repeat semantics. */
function settingsFromFlags(options: BuildOptions, flags: FlagOccurrence[]): Map<string, Setting> {
  const schema = SCHEMAS[options.kind];
  const settings = new Map<string, Setting>();
  if (schema.envPrefix && options.env) {
    for (const [variable, written] of Object.entries(options.env)) {
      const name = flagOfEnvVariable(schema.envPrefix, variable);
      if (!name) continue;
      const origin: SettingOrigin = { type: 'env', variable };
      const location = options.locateEnv?.(variable);
      if (location) origin.location = location;
      settings.set(name, { name, value: flagValue(options.kind, name, written, undefined), origin });
    }
  }
  for (const flag of flags) {
    const previous = settings.get(flag.name);
    const origin: SettingOrigin = { type: 'flag', flag: flag.name, argIndex: flag.argIndex, written: flag.value };
    const location = options.locateArg?.(flag.argIndex);
    if (location) origin.location = location;
    // etcd: a flag set on the command line wins over its environment variable ("conflicting
    // environment variable is shadowed by corresponding command-line flag").
    const accumulate = previous?.origin.type === 'flag';
    const value = flagValue(options.kind, flag.name, flag.value, accumulate ? previous?.value : undefined);
    const overridden = previous ? [...(previous.overridden ?? []), previous.origin] : undefined;
    settings.set(flag.name, { name: flag.name, value, origin, ...(overridden ? { overridden } : {}) });
  }
  return settings;
}

function settingsFromFile(kind: ComponentKind, file: ComponentConfigFile): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  if (!file.content) return settings;
  for (const [name, field] of Object.entries(SCHEMAS[kind].configFields)) {
    const path = field.split('.');
    const value = fileValue(getPath(file.content, path));
    // Component config files are defaulted like Go structs: an empty string means "the default".
    if (value === undefined || value === '') continue;
    const location: SourceLocation = { file: file.path };
    const line = file.lineOf?.(path);
    if (line !== undefined) location.line = line;
    settings.set(name, { name, value, origin: { type: 'config-file', file: file.path, field, location } });
  }
  return settings;
}

/** Builds a component's effective configuration from its arguments, environment and config file. */
export function buildComponentConfig(options: BuildOptions): ComponentConfig {
  const schema = SCHEMAS[options.kind];
  const { occurrences } = parseFlags(options.args, { booleanFlags: schema.booleanFlags, indexOffset: options.argIndexOffset ?? 0 });
  const fromFlags = settingsFromFlags(options, occurrences);
  const problems: string[] = [];
  let settings = fromFlags;
  const configPath = schema.configFlag ? fromFlags.get(schema.configFlag) : undefined;
  if (options.configFile) {
    if (options.configFile.error) problems.push(`config file ${options.configFile.path}: ${options.configFile.error}`);
    const fromFile = settingsFromFile(options.kind, options.configFile);
    switch (schema.precedence) {
      case 'flags-over-file':
        settings = new Map([...fromFile, ...fromFlags]);
        break;
      case 'file-over-flags': {
        // Flags the file covers are ignored when a file is used, set there or not.
        const covered = new Set(Object.keys(schema.configFields));
        settings = new Map([...[...fromFlags].filter(([name]) => !covered.has(name)), ...fromFile]);
        break;
      }
      case 'file-only':
        settings = new Map([...(configPath ? [[schema.configFlag!, configPath] as const] : []), ...fromFile]);
        break;
      default:
        break;
    }
  } else if (configPath && schema.configFlag) {
    problems.push(`${options.kind} reads --${schema.configFlag}=${String(configPath.value)} but its content was not available`);
    // The file wins over the flags it covers (or over all flags, for etcd): with the file unread,
    // those flags say nothing about the running value.
    if (schema.precedence === 'file-only') settings = new Map([[schema.configFlag, configPath]]);
    if (schema.precedence === 'file-over-flags') {
      settings = new Map([...fromFlags].filter(([name]) => !(name in schema.configFields)));
    }
  }
  const config: ComponentConfig = {
    kind: options.kind,
    source: options.source,
    flags: occurrences,
    settings,
    referencedFiles: new Map(),
    problems,
  };
  if (options.version) config.version = options.version;
  if (options.unresolvedArgs?.length) config.unresolvedArgs = [...options.unresolvedArgs];
  if (options.configFile) config.configFile = options.configFile;
  return config;
}

/** The effective value of a setting: explicit, or the documented default, or unknown. */
export type Effective =
  | { state: 'set'; setting: Setting; value: SettingValue }
  | { state: 'default'; value: SettingValue; default: DocumentedDefault }
  | { state: 'unknown'; value?: undefined };

/** True when settings came from a config file whose content was not available (values may hide there). */
export function configFileUnread(config: ComponentConfig): boolean {
  const flag = SCHEMAS[config.kind].configFlag;
  return flag !== undefined && config.settings.has(flag) && !config.configFile?.content;
}

export function effectiveSetting(config: ComponentConfig, name: string): Effective {
  const setting = config.settings.get(name);
  if (setting) return { state: 'set', setting, value: setting.value };
  const usesConfigFile = SCHEMAS[config.kind].configFlag !== undefined && config.settings.has(SCHEMAS[config.kind].configFlag!);
  const found = documentedDefault(config.kind, name, { version: config.version, usesConfigFile });
  return found ? { state: 'default', value: found.value, default: found } : { state: 'unknown' };
}

/** How a setting was written, for messages: `--name=value`, `ETCD_NAME=value`, `field: value in file`. */
export function describeSetting(setting: Setting): string {
  const { origin } = setting;
  const shown = Array.isArray(setting.value)
    ? setting.value.join(',')
    : typeof setting.value === 'object'
      ? Object.entries(setting.value).map(([k, v]) => `${k}=${v}`).join(',')
      : String(setting.value);
  switch (origin.type) {
    case 'flag':
      return `--${origin.flag}=${origin.written}`;
    case 'env':
      return `${origin.variable}=${shown}`;
    case 'config-file':
      return `${origin.field}: ${shown} in ${origin.file}`;
  }
}
