import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

/** A directory with a Chart.yaml is not scanned as manifests: the chart must be rendered first. */
export const HELM_CHART_PROBLEM = 'a Helm chart: its templates are not manifests until rendered; not scanned; scan the rendered chart';

export interface ManifestFile {
  /** The path as the user will recognise it (relative to the working directory when below it). */
  display: string;
  absolute: string;
}

export interface DiscoveryProblem {
  path: string;
  message: string;
}

/**
 * Finds the manifest files named by the user: files as given (whatever their extension),
 * directories recursively (*.yaml, *.yml, *.json), sorted so output is deterministic.
 * Symlinks inside a directory are followed only while they stay inside that directory.
 */
export async function discoverManifestFiles(
  paths: string[],
  problems: DiscoveryProblem[],
  namePattern: RegExp = MANIFEST_EXTENSION,
): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const given of paths) {
    const absolute = resolve(given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      problems.push({ path: given, message: `cannot read: ${describeFsError(error)}` });
      continue;
    }
    if (info.isDirectory()) {
      const root = await realpath(absolute);
      await walkDirectory(absolute, root, files, problems, namePattern);
    } else {
      files.push({ display: displayPath(absolute), absolute });
    }
  }
  return files;
}

async function walkDirectory(dir: string, root: string, files: ManifestFile[], problems: DiscoveryProblem[], namePattern: RegExp) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: displayPath(dir), message: `cannot list directory: ${describeFsError(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((entry) => entry.name === 'Chart.yaml' && !entry.isDirectory())) {
    // Its templates are Go templates, not YAML, until Helm renders them with values.
    problems.push({ path: displayPath(dir), message: `${HELM_CHART_PROBLEM} (helm template RELEASE ${displayPath(dir)} | kubeharden scan -)` });
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
      } catch {
        problems.push({ path: displayPath(path), message: 'broken symlink; skipped' });
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        problems.push({ path: displayPath(path), message: `symlink points outside the scanned directory (${target}); not followed` });
        continue;
      }
      const info = await lstat(target);
      isDirectory = info.isDirectory();
      isFile = info.isFile();
      if (isDirectory) continue; // a link back into the tree would be scanned twice, or forever
    }
    if (isDirectory) await walkDirectory(path, root, files, problems, namePattern);
    else if (isFile && namePattern.test(entry.name)) files.push({ display: displayPath(path), absolute: path });
  }
}

export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' || rel.startsWith('..') ? absolute : rel.split(sep).join('/');
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
