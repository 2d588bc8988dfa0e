import { podComponents } from '../../evidence/component-config/pod.js';
import type { ComponentConfig, SettingOrigin } from '../../evidence/component-config/config.js';
import type { SourcedObject } from '../../evidence/kube-object.js';
import { objectsOfText } from '../manifests/index.js';
import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

export interface StaticPodComponent {
  file: string;
  config: ComponentConfig;
}

export interface StaticPods {
  dir: string;
  /** Every regular file in the directory (STIG checks them all), by node path. */
  files: string[];
  components: StaticPodComponent[];
  problems: { path: string; message: string }[];
}

/** The control-plane components of the static pod manifests in `dir` (kubelet staticPodPath). */
export function readStaticPods(root: NodeRoot, dir: string): StaticPods | undefined {
  const listing = root.list(dir);
  if (isError(listing)) return undefined;
  const result: StaticPods = { dir, files: [], components: [], problems: [] };
  for (const name of listing.names) {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const stat = root.stat(path);
    if (isError(stat)) {
      result.problems.push({ path, message: stat.error.message });
      continue;
    }
    if (!stat.stats.isFile()) continue;
    result.files.push(path);
    // The kubelet reads every file but dotfiles; only YAML/JSON can hold a Pod.
    if (name.startsWith('.') || !/\.(ya?ml|json|manifest)$/i.test(name)) continue;
    const read = root.readText(path);
    if (isError(read)) {
      result.problems.push({ path, message: read.error.message });
      continue;
    }
    for (const item of objectsOfText(path, read.text)) {
      if (item.type === 'problem') {
        if (item.problem.level === 'error') result.problems.push({ path: `${path}${item.problem.line ? `:${item.problem.line}` : ''}`, message: item.problem.message });
        continue;
      }
      for (const component of podComponents(item.item)) {
        withLines(component.config, item.item);
        result.components.push({ file: path, config: component.config });
      }
    }
  }
  return result;
}

/** Settings from a manifest carry a field path; give each the line it is on, for the finding. */
function withLines(config: ComponentConfig, sourced: SourcedObject): void {
  const fix = (origin: SettingOrigin) => {
    const location = origin.location;
    if (location?.path && location.line === undefined && sourced.origin) location.line = sourced.origin.lineOf(location.path);
  };
  for (const setting of config.settings.values()) {
    fix(setting.origin);
    setting.overridden?.forEach(fix);
  }
}
