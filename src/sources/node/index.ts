import { posix } from 'node:path';
import { buildComponentConfig, effectiveSetting, type ComponentConfig, type ComponentConfigFile, type SourceLocation } from '../../evidence/component-config/config.js';
import { parseFlags } from '../../evidence/component-config/flags.js';
import { isRecord } from '../../evidence/kube-object.js';
import { componentOfArgv, parseVersion, type ComponentVersion } from '../../evidence/component-config/kinds.js';
import { SCHEMAS } from '../../evidence/component-config/schema.js';
import { displayValue } from '../../evidence/component-config/values.js';
import {
  CONTROL_PLANE_COMPONENTS,
  FILE_ROLES,
  NODE_COMPONENTS,
  type Distribution,
  type FileFacts,
  type FileRole,
  type FileRoleFacts,
  type NodeComponentKind,
  type NodeEvidence,
  type NodeProblem,
} from '../../evidence/node.js';
import { readAccounts, type Accounts } from './accounts.js';
import { readConfigFile, readWithDropIns } from './config-files.js';
import { readProcesses, readProcessEnv, type NodeProcess } from './processes.js';
import { embeddedArgs, rancherServiceUnit, readRancher, type RancherInstall } from './rancher.js';
import { isError, NodeRoot } from './root-fs.js';
import { readStaticPods, type StaticPods } from './static-pods.js';
import { readServiceUnit, serviceEnabled, type SystemdUnit } from './systemd.js';

export { NodeRoot } from './root-fs.js';

/** Where kubeadm and the kubelet put static pod manifests by default. */
const DEFAULT_MANIFEST_DIR = '/etc/kubernetes/manifests';
/** Files whose content controls read (CIS 1.2.x encryption, 3.2.x audit policy, STIG V-254800), when the caller does not say. */
const CONTENT_SETTINGS: Partial<Record<NodeComponentKind, readonly string[]>> = {
  'kube-apiserver': ['encryption-provider-config', 'audit-policy-file', 'admission-control-config-file'],
};
const MAX_TREE_ENTRIES = 5000;

/**
 * Reads one node, read-only, under `rootDir` (`/` for this host): which components run and how
 * (processes, static pod manifests, systemd units, k3s/RKE2 config), their effective
 * configuration, the facts of every file the benchmarks name, and the sshd service.
 */
export interface ReadNodeOptions {
  /** The Kubernetes version, when the node does not show it (k3s, an EKS image); overrides what was detected. */
  kubernetesVersion?: string;
  /** Per component, the flags naming files whose content the controls read (the controls' `needsFiles`). */
  filesToLoad?: Partial<Record<NodeComponentKind, readonly string[]>>;
}

export function readNode(rootDir: string, options: ReadNodeOptions = {}): NodeEvidence {
  const root = new NodeRoot(rootDir);
  const problems: NodeProblem[] = [];
  const accounts = readAccounts(root, problems);
  const processes = readProcesses(root);
  const programs = new Set((processes ?? []).map((p) => p.program));
  const hostname = readHostname(root);
  const rancher = readRancher(root, programs);
  if (rancher) problems.push(...rancher.problems);

  const components: Partial<Record<NodeComponentKind, ComponentConfig>> = {};
  const origins: Partial<Record<NodeComponentKind, string>> = {};
  const podSpecFiles: Partial<Record<NodeComponentKind, string>> = {};

  // 1. Running processes: what actually runs wins over what is on disk.
  for (const proc of processes ?? []) {
    const found = componentOfArgv(proc.argv);
    if (!found || components[found.kind]) continue;
    components[found.kind] = fromProcess(root, proc, found.kind, found.argsStart);
    origins[found.kind] = `process ${proc.pid}`;
  }

  // 2. The kubelet's systemd unit, on an image or a copied tree where nothing runs.
  const kubeletUnit = readServiceUnit(root, 'kubelet.service');
  if (kubeletUnit) problems.push(...kubeletUnit.problems);
  if (!components.kubelet && kubeletUnit?.argv) {
    const args = kubeletUnit.argv.slice(1);
    const locations = kubeletUnit.argLocations.slice(1);
    components.kubelet = fromArgs(root, 'kubelet', args, { type: 'systemd', description: `systemd unit ${kubeletUnit.file ?? kubeletUnit.dropIns[0]}`, ...(kubeletUnit.file ? { file: kubeletUnit.file } : {}) }, (i) => locations[i]);
    origins.kubelet = `systemd unit ${kubeletUnit.name}`;
  }

  // 3. Static pod manifests: the kubelet's staticPodPath, RKE2's pod-manifests, or the kubeadm default.
  const manifestDirs: string[] = [];
  const staticPodPath = components.kubelet ? effectiveSetting(components.kubelet, 'pod-manifest-path') : undefined;
  if (staticPodPath?.state === 'set' && typeof staticPodPath.value === 'string') manifestDirs.push(staticPodPath.value);
  if (rancher?.flavour === 'rke2') manifestDirs.push(`${rancher.dataDir}/agent/pod-manifests`);
  manifestDirs.push(DEFAULT_MANIFEST_DIR);
  let staticPods: StaticPods | undefined;
  for (const dir of [...new Set(manifestDirs)]) {
    staticPods = readStaticPods(root, dir);
    if (staticPods) break;
  }
  if (staticPods) {
    problems.push(...staticPods.problems);
    for (const { file, config } of staticPods.components) {
      const kind = config.kind;
      if (podSpecFiles[kind]) continue;
      podSpecFiles[kind] = file;
      // The manifest is what the kubelet runs; it gives the finding a line. A running process of
      // the same component is the same configuration.
      if (!components[kind] || components[kind]!.source.type === 'process') {
        components[kind] = withConfigFile(root, config);
        origins[kind] = `static pod ${file}`;
      }
    }
  }

  // 4. k3s embeds the control plane, kubelet and kube-proxy in its own process; RKE2 runs the
  //    kubelet as a child process and the rest as static pods.
  if (rancher) {
    for (const kind of NODE_COMPONENTS) {
      if (components[kind]) continue;
      if (rancher.flavour === 'rke2' && kind !== 'kubelet') continue;
      const args = embeddedArgs(rancher, kind, hostname);
      if (!args) continue;
      const description = `${rancher.flavour} embedded ${kind} (${rancher.configFiles.join(', ') || `${rancher.flavour} defaults`})`;
      components[kind] = fromArgs(root, kind, args, { type: 'config', description, ...(rancher.configFiles[0] ? { file: rancher.configFiles[0] } : {}) });
      origins[kind] = `${rancher.flavour} (embedded)`;
    }
  }

  // 5. One version for the node where any component tells it (static pod image tags).
  const given = options.kubernetesVersion ? parseVersion(options.kubernetesVersion) : undefined;
  const version = given ?? Object.values(components).find((c) => c && c.kind !== 'etcd' && c.version)?.version ?? versionOnDisk(root, processes);
  for (const config of Object.values(components)) if (config && version && config.kind !== 'etcd' && (given || !config.version)) config.version = version;

  // 6. Files whose content controls need.
  for (const [kind, settings] of Object.entries(options.filesToLoad ?? CONTENT_SETTINGS) as [NodeComponentKind, readonly string[]][]) {
    const config = components[kind];
    if (config) loadReferencedFiles(root, config, settings);
  }

  const files = fileRoles(root, accounts, { components, podSpecFiles, staticPods, kubeletUnit, rancher });
  const sshd = {
    ...sshdRunning(processes),
    ...(() => {
      const enabled = serviceEnabled(root, ['sshd.service', 'ssh.service', 'sshd.socket', 'ssh.socket']);
      return enabled ? { enabled: enabled.enabled, enabledEvidence: enabled.evidence } : {};
    })(),
  };
  const { distribution, detail } = detectDistribution(root, rancher, kubeletUnit, staticPods);
  for (const [path, message] of root.escapes) problems.push({ path, message });

  const evidence: NodeEvidence = {
    hostname,
    distribution,
    processTable: processes !== undefined,
    components,
    componentOrigins: origins,
    files,
    services: { sshd },
    problems,
  };
  if (detail) evidence.distributionDetail = detail;
  if (version) evidence.version = `${version.major}.${version.minor}${version.patch !== undefined ? `.${version.patch}` : ''}`;
  return evidence;
}

function fromProcess(root: NodeRoot, proc: NodeProcess, kind: NodeComponentKind, argsStart: number): ComponentConfig {
  const env = kind === 'etcd' ? readProcessEnv(root, proc.pid) : undefined;
  return fromArgs(root, kind, proc.argv.slice(argsStart), { type: 'process', description: `process ${proc.pid} (${proc.argv[0]})` }, undefined, env, proc.pid);
}

/** Builds a component's configuration from its arguments, reading the config file its flag names. */
function fromArgs(
  root: NodeRoot,
  kind: NodeComponentKind,
  args: string[],
  source: ComponentConfig['source'],
  locateArg?: (index: number) => SourceLocation | undefined,
  env?: Record<string, string>,
  pid?: number,
): ComponentConfig {
  const schema = SCHEMAS[kind];
  const flags = parseFlags(args, { booleanFlags: schema.booleanFlags }).occurrences;
  const last = (name: string) => flags.filter((f) => f.name === name).at(-1)?.value;
  const configPath = schema.configFlag ? (last(schema.configFlag) ?? (kind === 'etcd' ? env?.ETCD_CONFIG_FILE : undefined)) : undefined;
  let configFile: ComponentConfigFile | undefined;
  if (configPath) {
    configFile = readComponentConfig(root, kind, configPath, kind === 'kubelet' ? last('config-dir') : undefined);
    // A containerised component (kube-proxy from a DaemonSet) reads its config inside its own
    // root: look there through /proc/<pid>/root, resolved as a root of its own.
    if (configFile.error && pid !== undefined && isError(root.stat(configPath))) {
      const inContainer = readComponentConfig(new NodeRoot(posix.join(root.root, 'proc', String(pid), 'root')), kind, configPath, undefined);
      if (!inContainer.error) configFile = { ...inContainer, path: configPath };
    }
  }
  return buildComponentConfig({
    kind,
    args,
    ...(locateArg ? { locateArg } : {}),
    ...(env ? { env } : {}),
    ...(configFile ? { configFile } : {}),
    source,
  });
}

function readComponentConfig(root: NodeRoot, kind: NodeComponentKind, path: string, dropInDir: string | undefined): ComponentConfigFile {
  const file = kind === 'kubelet' ? readWithDropIns(root, path, dropInDir, '.conf') : readConfigFile(root, path);
  const { path: p, error, lineOf } = file;
  // KubeletConfiguration and KubeProxyConfiguration default every empty string field
  // (`metricsBindAddress: ""` is 127.0.0.1:10249): an empty field is an unset one.
  const content = file.content && (kind === 'kubelet' || kind === 'kube-proxy') ? withoutEmptyStrings(file.content) : file.content;
  return { path: p, ...(content ? { content } : {}), ...(error ? { error } : {}), ...(lineOf ? { lineOf } : {}) };
}

function withoutEmptyStrings(object: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === '') continue;
    result[key] = isRecord(value) ? withoutEmptyStrings(value) : value;
  }
  return result;
}

/** Static pods carry their config-file flag (kube-scheduler --config) as a path on the node: read it. */
function withConfigFile(root: NodeRoot, config: ComponentConfig): ComponentConfig {
  const flag = SCHEMAS[config.kind].configFlag;
  if (!flag || !config.flags.some((f) => f.name === flag) || config.configFile) return config;
  const args = config.flags.flatMap((f) => [`--${f.name}=${f.value}`]);
  const rebuilt = fromArgs(root, config.kind, args, config.source);
  // Keep the manifest's locations for flag settings.
  for (const [name, setting] of config.settings) if (setting.origin.type === 'flag' && rebuilt.settings.get(name)?.origin.type === 'flag') rebuilt.settings.set(name, setting);
  if (config.version) rebuilt.version = config.version;
  return rebuilt;
}

function loadReferencedFiles(root: NodeRoot, config: ComponentConfig, settings: readonly string[]): void {
  for (const name of settings) {
    const setting = config.settings.get(name);
    if (!setting) continue;
    const path = displayValue(setting.value);
    const file = readConfigFile(root, path);
    const read = root.readText(path);
    config.referencedFiles.set(path, {
      path,
      ...(file.content ? { content: file.content } : {}),
      ...(!isError(read) ? { text: read.text } : {}),
      ...(file.error ? { error: file.error } : {}),
    });
  }
}

/**
 * The Kubernetes version where the layout names it: a Bottlerocket variant (`VARIANT_ID=aws-k8s-1.30`),
 * an RKE2 data directory / binary path (`/var/lib/rancher/rke2/data/v1.30.2-rke2r1-<hash>/bin/kubelet`),
 * or the kubelet package in the dpkg database.
 */
function versionOnDisk(root: NodeRoot, processes: NodeProcess[] | undefined): ComponentVersion | undefined {
  const variant = /k8s-(\d+\.\d+)/.exec(osRelease(root).VARIANT_ID ?? '');
  if (variant) return parseVersion(variant[1]!);
  const dataDirVersion = (name: string) => (/^v\d+\.\d+\.\d+-rke2r\d+/.test(name) ? parseVersion(name.split('-rke2')[0]!) : undefined);
  for (const proc of processes ?? []) {
    const match = /\/rke2\/data\/([^/]+)\//.exec(proc.argv[0] ?? '');
    const version = match ? dataDirVersion(match[1]!) : undefined;
    if (version) return version;
  }
  const listing = root.list('/var/lib/rancher/rke2/data');
  if (!isError(listing)) for (const name of listing.names.reverse()) if (dataDirVersion(name)) return dataDirVersion(name);
  return packagedKubeletVersion(root);
}

/** The kubelet package's version in the dpkg database (Debian/Ubuntu kubeadm nodes): `Version: 1.30.2-1.1`. */
function packagedKubeletVersion(root: NodeRoot): ComponentVersion | undefined {
  const status = root.readText('/var/lib/dpkg/status');
  if (isError(status)) return undefined;
  for (const stanza of status.text.split(/\n\s*\n/)) {
    if (!/^Package: kubelet$/m.test(stanza) || !/^Status: install ok installed$/m.test(stanza)) continue;
    const version = /^Version: (?:\d+:)?(\d+\.\d+\.\d+)/m.exec(stanza);
    if (version) return parseVersion(version[1]!);
  }
  return undefined;
}

function readHostname(root: NodeRoot): string {
  for (const path of ['/etc/hostname', '/proc/sys/kernel/hostname']) {
    const read = root.readText(path);
    if (isError(read)) continue;
    const name = read.text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    if (name) return name;
  }
  return 'unknown';
}

function sshdRunning(processes: NodeProcess[] | undefined): { running?: boolean; runningEvidence?: string } {
  if (!processes) return {};
  // OpenSSH rewrites its title: "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups".
  const sshd = processes.find((p) => p.program === 'sshd' || /^sshd(:|\s|$)/.test(p.argv[0] ?? '') || posix.basename((p.argv[0] ?? '').split(/\s/)[0] ?? '') === 'sshd:');
  return sshd ? { running: true, runningEvidence: `process ${sshd.pid}: ${sshd.argv.join(' ')}` } : { running: false, runningEvidence: `no sshd among ${processes.length} processes` };
}

function osRelease(root: NodeRoot): Record<string, string> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    const read = root.readText(path);
    if (isError(read)) continue;
    const fields: Record<string, string> = {};
    for (const line of read.text.split('\n')) {
      const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
      if (match) fields[match[1]!] = match[3]!;
    }
    return fields;
  }
  return {};
}

function detectDistribution(
  root: NodeRoot,
  rancher: RancherInstall | undefined,
  kubeletUnit: SystemdUnit | undefined,
  staticPods: StaticPods | undefined,
): { distribution: Distribution; detail?: string } {
  const os = osRelease(root);
  const osName = os.PRETTY_NAME ?? os.NAME;
  const withDetail = (distribution: Distribution, detail: string | undefined) => (detail ? { distribution, detail } : { distribution });
  if (rancher) return withDetail(rancher.flavour, osName);
  const exists = (path: string) => !isError(root.stat(path));
  if (os.ID === 'bottlerocket') return { distribution: 'eks', detail: osName ?? 'Bottlerocket' };
  if (exists('/etc/eks') || exists('/etc/kubernetes/kubelet/kubelet-config.json') || exists('/etc/kubernetes/kubelet/config.json')) return withDetail('eks', osName);
  const kubeadmDropIn = kubeletUnit?.dropIns.some((d) => d.endsWith('10-kubeadm.conf'));
  if (kubeadmDropIn || exists('/var/lib/kubelet/kubeadm-flags.env') || staticPods?.components.some((c) => c.file.startsWith(DEFAULT_MANIFEST_DIR))) return withDetail('kubeadm', osName);
  return withDetail('unknown', osName);
}

interface RoleContext {
  components: Partial<Record<NodeComponentKind, ComponentConfig>>;
  podSpecFiles: Partial<Record<NodeComponentKind, string>>;
  staticPods: StaticPods | undefined;
  kubeletUnit: SystemdUnit | undefined;
  rancher: RancherInstall | undefined;
}

/** The file facts of every role the benchmarks name. */
function fileRoles(root: NodeRoot, accounts: Accounts, ctx: RoleContext): Record<FileRole, FileRoleFacts> {
  const facts = (path: string) => fileFacts(root, accounts, path);
  const { components, rancher } = ctx;
  const roles = {} as Record<FileRole, FileRoleFacts>;
  const absent = (reason: string): FileRoleFacts => ({ state: 'absent', reason });
  const settingPath = (kind: NodeComponentKind, name: string): string | undefined => {
    const config = components[kind];
    if (!config) return undefined;
    const value = effectiveSetting(config, name);
    return value.state === 'set' && value.value !== '' ? displayValue(value.value) : undefined;
  };
  /** Files that must exist because a running component uses them. */
  const required = (paths: string[]): FileRoleFacts => collect(paths.map(facts), true);
  /** Files checked only where they exist. */
  const optional = (paths: string[], reason: string): FileRoleFacts => {
    const found = collect(paths.map(facts), false);
    return found.state === 'found' && found.files.length === 0 && found.errors.length === 0 ? absent(reason) : found;
  };
  const controlPlane = CONTROL_PLANE_COMPONENTS.some((k) => components[k]);
  const dataDir = rancher?.dataDir;

  for (const kind of CONTROL_PLANE_COMPONENTS) {
    const role = `pod-spec:${kind}` as FileRole;
    const file = ctx.podSpecFiles[kind];
    if (file) roles[role] = required([file]);
    else if (!components[kind]) roles[role] = absent(`${kind} does not run on this node`);
    else roles[role] = absent(`${kind} runs as ${components[kind]!.source.description}, not from a pod specification file`);
  }
  roles['static-pod-manifests'] = ctx.staticPods
    ? required(ctx.staticPods.files)
    : absent(`no static pod directory (${DEFAULT_MANIFEST_DIR}) on this node`);

  if (!components.kubelet) roles['cni-config'] = absent('the kubelet does not run on this node');
  else {
    const cniDir = settingPath('kubelet', 'cni-conf-dir') ?? (rancher?.flavour === 'k3s' ? `${dataDir}/agent/etc/cni/net.d` : '/etc/cni/net.d');
    roles['cni-config'] = dirEntries(root, cniDir, facts, `no CNI configuration directory ${cniDir}`, false);
  }

  if (!components.etcd) {
    roles['etcd-data-dir'] = absent('etcd does not run on this node');
    roles['etcd-data-entries'] = absent('etcd does not run on this node');
  } else {
    const dir = settingPath('etcd', 'data-dir');
    if (!dir || !dir.startsWith('/')) {
      const message = dir ? `etcd --data-dir "${dir}" is relative to etcd's working directory, which is not known` : 'etcd has no --data-dir set (it defaults to ${name}.etcd in its working directory)';
      roles['etcd-data-dir'] = { state: 'error', path: dir ?? '(etcd --data-dir)', message };
      roles['etcd-data-entries'] = { state: 'error', path: dir ?? '(etcd --data-dir)', message };
    } else {
      roles['etcd-data-dir'] = required([dir]);
      roles['etcd-data-entries'] = dirEntries(root, dir, facts, `etcd data directory ${dir} is missing`, true, true);
    }
  }

  const noControlPlane = 'no control-plane component runs on this node';
  roles['admin-kubeconfig'] = controlPlane
    ? optional(
        rancher ? [`/etc/rancher/${rancher.flavour}/${rancher.flavour === 'k3s' ? 'k3s.yaml' : 'rke2.yaml'}`] : ['/etc/kubernetes/admin.conf', '/etc/kubernetes/super-admin.conf'],
        'no administrative kubeconfig (admin.conf) on this node',
      )
    : absent(noControlPlane);
  for (const [role, kind, kubeadmFile] of [
    ['scheduler-kubeconfig', 'kube-scheduler', '/etc/kubernetes/scheduler.conf'],
    ['controller-manager-kubeconfig', 'kube-controller-manager', '/etc/kubernetes/controller-manager.conf'],
  ] as const) {
    if (!components[kind]) roles[role] = absent(`${kind} does not run on this node`);
    else {
      const path = settingPath(kind, 'kubeconfig') ?? settingPath(kind, 'authentication-kubeconfig');
      roles[role] = path ? required([path]) : optional([kubeadmFile], `${kind} names no kubeconfig file`);
    }
  }

  if (!components.kubelet) {
    for (const role of ['kubelet-kubeconfig', 'kubelet-service', 'kubelet-client-ca', 'kubelet-config'] as const) roles[role] = absent('the kubelet does not run on this node');
  } else {
    const kubeconfig = settingPath('kubelet', 'kubeconfig');
    roles['kubelet-kubeconfig'] = kubeconfig ? required([kubeconfig]) : absent('the kubelet runs without --kubeconfig (standalone mode)');
    const unit = rancher ? readServiceUnit(root, rancherServiceUnit(rancher)) : ctx.kubeletUnit;
    const unitFiles = unit ? [...(unit.file ? [unit.file] : []), ...unit.dropIns] : [];
    roles['kubelet-service'] = unitFiles.length > 0 ? required(unitFiles) : absent('no systemd unit for the kubelet on this node');
    const ca = settingPath('kubelet', 'client-ca-file');
    roles['kubelet-client-ca'] = ca ? required([ca]) : absent('the kubelet sets no client CA file (see CIS 4.2.3)');
    const config = components.kubelet.configFile?.path;
    const configDir = components.kubelet.flags.filter((f) => f.name === 'config-dir').at(-1)?.value;
    if (!config) roles['kubelet-config'] = absent('the kubelet uses no config file (--config)');
    else {
      const paths = [config];
      if (configDir) {
        const listing = root.list(configDir);
        if (!isError(listing)) paths.push(...listing.names.filter((n) => n.endsWith('.conf')).map((n) => `${configDir}/${n}`));
      }
      roles['kubelet-config'] = required(paths);
    }
  }

  if (!components['kube-proxy']) roles['proxy-kubeconfig'] = absent('kube-proxy does not run on this node');
  else {
    const path = settingPath('kube-proxy', 'kubeconfig');
    roles['proxy-kubeconfig'] = path ? optional([path], `the kube-proxy kubeconfig ${path} does not exist on the node`) : absent('kube-proxy names no kubeconfig file on the node');
  }

  // CIS 1.1.19–1.1.21 and STIG V-242451/V-242466/V-242467 are control-plane items; a worker's
  // /etc/kubernetes/pki holds only the cluster CA, checked as the kubelet client CA (4.1.7).
  const pkiDir = rancher ? `${dataDir}/server/tls` : '/etc/kubernetes/pki';
  const tree = controlPlane ? walkTree(root, pkiDir, facts) : absent(noControlPlane);
  if (tree.state !== 'found') {
    for (const role of ['pki-tree', 'pki-certs', 'pki-keys'] as const) roles[role] = tree.state === 'absent' && controlPlane ? absent(`no PKI directory ${pkiDir} on this node`) : tree;
  } else {
    roles['pki-tree'] = tree;
    const only = (suffix: string): FileRoleFacts => {
      const files = tree.files.filter((f) => f.type === 'file' && f.path.endsWith(suffix));
      return files.length > 0 || tree.errors.length > 0 ? { state: 'found', files, errors: tree.errors } : absent(`no ${suffix} files under ${pkiDir}`);
    };
    roles['pki-certs'] = only('.crt');
    roles['pki-keys'] = only('.key');
  }
  for (const role of FILE_ROLES) roles[role] ??= absent('not looked for on this node');
  return roles;
}

type Facts = (FileFacts & { real: string }) | { path: string; missing: true } | { path: string; error: string };

function fileFacts(root: NodeRoot, accounts: Accounts, path: string): Facts {
  const stat = root.stat(path);
  if (isError(stat)) return stat.error.kind === 'not-found' ? { path, missing: true } : { path, error: stat.error.message };
  const s = stat.stats;
  const facts: FileFacts & { real: string } = {
    path: stat.path,
    real: stat.real,
    type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other',
    mode: s.mode & 0o7777,
    uid: s.uid,
    gid: s.gid,
  };
  const owner = accounts.user(s.uid);
  const group = accounts.group(s.gid);
  if (owner !== undefined) facts.owner = owner;
  if (group !== undefined) facts.group = group;
  return facts;
}

function collect(all: Facts[], missingIsError: boolean): FileRoleFacts {
  const files: FileFacts[] = [];
  const errors: { path: string; message: string }[] = [];
  for (const item of all) {
    if ('missing' in item) {
      if (missingIsError) errors.push({ path: item.path, message: `${item.path}: no such file or directory` });
    } else if ('error' in item) errors.push({ path: item.path, message: item.error });
    else {
      const { real: _real, ...file } = item;
      files.push(file);
    }
  }
  return { state: 'found', files, errors };
}

function dirEntries(root: NodeRoot, dir: string, facts: (p: string) => Facts, absentReason: string, missingIsError: boolean, directoriesToo = false): FileRoleFacts {
  const listing = root.list(dir);
  if (isError(listing)) {
    if (listing.error.kind === 'not-found' && !missingIsError) return { state: 'absent', reason: absentReason };
    return { state: 'error', path: dir, message: listing.error.kind === 'not-found' ? absentReason : listing.error.message };
  }
  const entries = collect(listing.names.map((name) => facts(`${dir}/${name}`)), true);
  if (entries.state === 'found' && !directoriesToo) entries.files = entries.files.filter((f) => f.type === 'file');
  return entries;
}

/** A directory and everything under it (chown -R semantics), symlinks not followed. */
function walkTree(root: NodeRoot, dir: string, facts: (p: string) => Facts): FileRoleFacts {
  const top = facts(dir);
  if ('missing' in top) return { state: 'absent', reason: `no ${dir}` };
  if ('error' in top) return { state: 'error', path: dir, message: top.error };
  const { real: _real, ...topFile } = top;
  const files: FileFacts[] = [topFile];
  const errors: { path: string; message: string }[] = [];
  const queue = top.type === 'directory' ? [{ path: top.path, real: top.real }] : [];
  while (queue.length > 0 && files.length < MAX_TREE_ENTRIES) {
    const { path: current, real: currentReal } = queue.shift()!;
    const listing = root.list(current);
    if (isError(listing)) {
      errors.push({ path: current, message: listing.error.message });
      continue;
    }
    for (const name of listing.names) {
      const path = `${current}/${name}`;
      const entry = facts(path);
      if ('missing' in entry) continue;
      if ('error' in entry) {
        errors.push({ path, message: entry.error });
        continue;
      }
      const { real, ...file } = entry;
      if (real !== posix.join(currentReal, name)) continue; // a symlink: its target is checked where it lives
      files.push(file);
      if (entry.type === 'directory') queue.push({ path, real });
    }
  }
  return { state: 'found', files, errors };
}
