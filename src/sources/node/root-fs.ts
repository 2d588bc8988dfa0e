import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { posix, resolve as resolveHost } from 'node:path';

/** Why a path under the root could not be used. */
export type RootPathError =
  | { kind: 'not-found'; message: string }
  | { kind: 'escape'; message: string }
  | { kind: 'unreadable'; message: string };

export type Resolved = { ok: true; host: string; path: string; real: string } | { ok: false; path: string; error: RootPathError };

const MAX_LINKS = 40; // Linux ELOOP limit

/**
 * A node's filesystem mounted at `root` (`/` for the running host). Every path is a node path
 * (`/etc/kubernetes/admin.conf`); each component is resolved inside the root, so an absolute
 * symlink means what it means on the node, and a link that climbs out of the root is never
 * followed but reported.
 */
export class NodeRoot {
  readonly root: string;
  /** Symlinks that pointed out of the root, by node path, for the report. */
  readonly escapes = new Map<string, string>();

  constructor(root: string) {
    this.root = resolveHost(root);
  }

  /** The host path of a node path, every symlink resolved inside the root. */
  resolve(nodePath: string): Resolved {
    const wanted = posix.normalize(posix.join('/', nodePath));
    const pending = wanted.split('/').filter(Boolean);
    const done: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        if (done.length === 0) return this.escape(wanted, `"${wanted}" climbs above the root`);
        done.pop();
        continue;
      }
      const host = this.hostOf(['', ...done, part].join('/'));
      let stats: Stats;
      try {
        stats = lstatSync(host);
      } catch (error) {
        return { ok: false, path: wanted, error: fsError(error, wanted) };
      }
      if (!stats.isSymbolicLink()) {
        done.push(part);
        continue;
      }
      if (++links > MAX_LINKS) return { ok: false, path: wanted, error: { kind: 'unreadable', message: `${wanted}: too many levels of symbolic links` } };
      let target: string;
      try {
        target = readlinkSync(host);
      } catch (error) {
        return { ok: false, path: wanted, error: fsError(error, wanted) };
      }
      const linkPath = ['', ...done, part].join('/');
      if (target.startsWith('/')) {
        done.length = 0;
      } else if (climbsOut(done, target)) {
        return this.escape(linkPath, `symlink ${linkPath} -> ${target} points outside the root; not followed`);
      }
      pending.unshift(...target.split('/').filter(Boolean));
    }
    return { ok: true, host: this.hostOf('/' + done.join('/')), path: wanted, real: '/' + done.join('/') };
  }

  /** Reads a text file; undefined when it does not exist. */
  readText(nodePath: string): { text: string; path: string } | { error: RootPathError; path: string } {
    const resolved = this.resolve(nodePath);
    if (!resolved.ok) return resolved;
    let fd: number | undefined;
    try {
      // O_NOFOLLOW: the resolved path has no symlink left; refuse one swapped in since.
      fd = openSync(resolved.host, constants.O_RDONLY | constants.O_NOFOLLOW);
      if (!fstatSync(fd).isFile()) return { path: resolved.path, error: { kind: 'unreadable', message: `${resolved.path}: not a regular file` } };
      return { text: readFileSync(fd, 'utf8'), path: resolved.path };
    } catch (error) {
      return { path: resolved.path, error: fsError(error, resolved.path) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** lstat of the resolved path (never a symlink after resolution). */
  stat(nodePath: string): { stats: Stats; path: string; real: string } | { error: RootPathError; path: string } {
    const resolved = this.resolve(nodePath);
    if (!resolved.ok) return resolved;
    try {
      return { stats: lstatSync(resolved.host), path: resolved.path, real: resolved.real };
    } catch (error) {
      return { path: resolved.path, error: fsError(error, resolved.path) };
    }
  }

  /** Names in a directory, sorted; an error when it cannot be listed. */
  list(nodePath: string): { names: string[]; path: string } | { error: RootPathError; path: string } {
    const resolved = this.resolve(nodePath);
    if (!resolved.ok) return resolved;
    try {
      return { names: readdirSync(resolved.host).sort(), path: resolved.path };
    } catch (error) {
      return { path: resolved.path, error: fsError(error, resolved.path) };
    }
  }

  /** The raw target of a symlink at a node path (for systemd `.wants` links), without following it. */
  linkTarget(nodePath: string): string | undefined {
    const parent = this.resolve(posix.dirname(nodePath));
    if (!parent.ok) return undefined;
    try {
      return readlinkSync(posix.join(parent.host, posix.basename(nodePath)));
    } catch {
      return undefined;
    }
  }

  private hostOf(nodePath: string): string {
    return this.root === '/' ? nodePath || '/' : this.root + (nodePath === '/' ? '' : nodePath);
  }

  private escape(path: string, message: string): Resolved {
    this.escapes.set(path, message);
    return { ok: false, path, error: { kind: 'escape', message } };
  }
}

function climbsOut(done: readonly string[], relativeTarget: string): boolean {
  let depth = done.length;
  for (const part of relativeTarget.split('/')) {
    if (part === '..') depth -= 1;
    else if (part !== '' && part !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

export function fsError(error: unknown, path: string): RootPathError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found', message: `${path}: no such file or directory` };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', message: `${path}: permission denied` };
  if (code === 'ELOOP') return { kind: 'unreadable', message: `${path}: symbolic link where none was expected` };
  return { kind: 'unreadable', message: `${path}: ${error instanceof Error ? error.message : String(error)}` };
}

export function isError<T extends object>(value: T | { error: RootPathError; path: string }): value is { error: RootPathError; path: string } {
  return 'error' in value;
}
