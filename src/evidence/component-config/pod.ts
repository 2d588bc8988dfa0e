import yaml from 'js-yaml';
import { asArray, isRecord, type FieldPath, type SourcedObject } from '../kube-object.js';
import { workloadOf } from '../workload.js';
import { buildComponentConfig, type ComponentConfig } from './config.js';
import { splitShellWords } from './flags.js';
import { componentOfArgv, componentOfImage, versionOfImage, type ComponentKind } from './kinds.js';

/**
 * A component configuration carried by a Kubernetes object: a control-plane component running in
 * one container of a Pod (static pod manifest or API object), or kube-proxy's ConfigMap.
 */
export interface PodComponent {
  /** The container running the component; absent for a ConfigMap. */
  container?: string;
  /** The field the component's findings point at by default. */
  containerPath: FieldPath;
  config: ComponentConfig;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

function strings(value: unknown): string[] | undefined {
  const list = asArray(value);
  return Array.isArray(value) && list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
}

/**
 * The argv a container runs, each word with the field it was written in: `command` then `args`
 * (Kubernetes appends args to command); `sh -c "kube-apiserver --a=b"` is split into words, all
 * pointing at the script's field.
 */
/**
 * Kubernetes' expansion of `$(NAME)` in command and args from the container's literal env values
 * (`$$(` escapes); a reference to an unknown or valueFrom variable stays as written.
 */
export function expandEnvReferences(word: string, env: Readonly<Record<string, string>>): string {
  return word.replace(/\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) =>
    name === undefined ? '$(' : (env[name] ?? match),
  );
}

/** A word that may hold flags kubeharden cannot see: a whole-word variable reference. */
function isUnresolved(word: string, fromShell: boolean): boolean {
  if (word.startsWith('-')) return false;
  return /\$\(/.test(word) || (fromShell && /\$/.test(word));
}

function containerArgv(spec: Record<string, unknown>, path: FieldPath): { words: string[]; paths: FieldPath[]; fromShell: boolean } {
  const words: string[] = [];
  const paths: FieldPath[] = [];
  for (const field of ['command', 'args'] as const) {
    (strings(spec[field]) ?? []).forEach((word, index) => {
      words.push(word);
      paths.push([...path, field, index]);
    });
  }
  const shell = words[0]?.split('/').pop();
  const scriptAt = words[1] === '-c' ? 2 : words[1] === '-ec' || words[1] === '-ce' ? 2 : -1;
  if (shell && SHELLS.has(shell) && scriptAt > 0 && words[scriptAt] !== undefined) {
    const scriptPath = paths[scriptAt]!;
    const split = splitShellWords(words[scriptAt]!.replace(/^exec\s+/, ''));
    return { words: split, paths: split.map(() => scriptPath), fromShell: true };
  }
  return { words, paths, fromShell: false };
}

/**
 * Every control-plane or node component run by the containers of a kube-system Pod or workload
 * (a static pod, a kube-proxy DaemonSet). The component is recognised
 * from the command (`kube-apiserver`, `/usr/local/bin/etcd`, `hyperkube kube-apiserver`) or, with
 * no command, from the image name (its entrypoint is the component).
 */
export function podComponents(sourced: SourcedObject): PodComponent[] {
  // Control-plane and node components run in kube-system (static pods, kube-proxy's DaemonSet);
  // an etcd that an application runs in its own namespace is not the cluster's.
  const namespace = sourced.object.metadata?.namespace;
  if (namespace !== undefined && namespace !== 'kube-system') return [];
  const workload = workloadOf(sourced);
  if (!workload) return [];
  const found: PodComponent[] = [];
  for (const container of workload.containers) {
    if (container.type !== 'containers') continue;
    const env: Record<string, string> = {};
    const envPaths = new Map<string, FieldPath>();
    asArray(container.spec.env).forEach((item, index) => {
      if (isRecord(item) && typeof item.name === 'string' && typeof item.value === 'string') {
        env[item.name] = item.value;
        envPaths.set(item.name, [...container.path, 'env', index, 'value']);
      }
    });
    const argv = containerArgv(container.spec, container.path);
    const words = argv.fromShell ? argv.words : argv.words.map((word) => expandEnvReferences(word, env));
    const { paths } = argv;
    const image = typeof container.spec.image === 'string' ? container.spec.image : '';
    let kind: ComponentKind | undefined;
    let argsStart = 0;
    const byArgv = componentOfArgv(words);
    if (byArgv) {
      kind = byArgv.kind;
      argsStart = byArgv.argsStart;
    } else if (strings(container.spec.command) === undefined) {
      kind = componentOfImage(image);
    }
    if (!kind) continue;
    const unresolvedArgs = words.slice(argsStart).filter((word) => isUnresolved(word, argv.fromShell));
    const version = kind === 'etcd' ? undefined : versionOfImage(image);
    const file = sourced.origin?.file;
    const config = buildComponentConfig({
      kind,
      args: words.slice(argsStart),
      argIndexOffset: argsStart,
      locateArg: (index) => {
        const path = paths[index];
        return path ? { path, ...(file ? { file } : {}) } : undefined;
      },
      env,
      locateEnv: (variable) => {
        const path = envPaths.get(variable);
        return path ? { path, ...(file ? { file } : {}) } : undefined;
      },
      ...(version ? { version } : {}),
      ...(unresolvedArgs.length > 0 ? { unresolvedArgs } : {}),
      source: { type: 'pod', description: `${sourced.object.metadata?.name ?? 'Pod'} container ${container.name}`, ...(file ? { file } : {}) },
    });
    found.push({ container: container.name, containerPath: container.path, config });
  }
  return found;
}

/**
 * kubeadm's kube-proxy configuration: ConfigMap kube-system/kube-proxy, key config.conf, a
 * KubeProxyConfiguration that every kube-proxy Pod reads with --config.
 */
export function kubeProxyConfigMapComponent(sourced: SourcedObject): PodComponent | undefined {
  const { object } = sourced;
  if (object.kind !== 'ConfigMap' || object.metadata?.name !== 'kube-proxy') return undefined;
  const data = isRecord(object.data) ? object.data : {};
  const key = Object.keys(data).find((name) => name === 'config.conf') ?? Object.keys(data).find((name) => /\.(conf|ya?ml|json)$/.test(name));
  if (key === undefined || typeof data[key] !== 'string') return undefined;
  const path: FieldPath = ['data', key];
  const file = sourced.origin?.file ?? `ConfigMap ${object.metadata?.namespace ?? ''}/kube-proxy`;
  let content: Record<string, unknown> | undefined;
  let error: string | undefined;
  try {
    const parsed = yaml.load(data[key] as string);
    if (isRecord(parsed)) content = parsed;
    else error = `${key} is not a KubeProxyConfiguration`;
  } catch (e) {
    error = `${key} does not parse: ${(e as Error).message.split('\n')[0]}`;
  }
  const configPath = `${file}#${key}`;
  const config = buildComponentConfig({
    kind: 'kube-proxy',
    args: [`--config=${configPath}`],
    configFile: { path: configPath, ...(content ? { content } : {}), ...(error ? { error } : {}) },
    source: { type: 'config', description: `ConfigMap ${object.metadata?.namespace ?? ''}/kube-proxy key ${key}`, ...(sourced.origin ? { file: sourced.origin.file } : {}) },
  });
  return { containerPath: path, config };
}

/** Every component configuration an object carries (control-plane Pods, the kube-proxy ConfigMap). */
export function objectComponents(sourced: SourcedObject): PodComponent[] {
  const proxy = kubeProxyConfigMapComponent(sourced);
  return proxy ? [proxy] : podComponents(sourced);
}
