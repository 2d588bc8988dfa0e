import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Owned {
  mode?: number;
  owner?: string;
  group?: string;
}

/**
 * A node filesystem in a temp dir, with real modes and owners. Owners are numbered only by this
 * root's own /etc/passwd and /etc/group (uids chosen so that the host's names cannot match).
 */
export class NodeRootBuilder {
  readonly dir: string;
  private readonly users = new Map<string, number>([['root', 0]]);
  private readonly groups = new Map<string, number>([['root', 0]]);

  constructor(accounts: Record<string, number> = { etcd: 52379, kube: 52380 }) {
    this.dir = mkdtempSync(join(tmpdir(), 'kh-node-'));
    for (const [name, id] of Object.entries(accounts)) {
      this.users.set(name, id);
      this.groups.set(name, id);
    }
    this.file('/etc/passwd', [...this.users].map(([n, id]) => `${n}:x:${id}:${id}:${n}:/nonexistent:/usr/sbin/nologin`).join('\n') + '\n', { mode: 0o644 });
    this.file('/etc/group', [...this.groups].map(([n, id]) => `${n}:x:${id}:`).join('\n') + '\n', { mode: 0o644 });
  }

  private uid(name: string): number {
    const id = this.users.get(name) ?? Number(name);
    if (!Number.isInteger(id)) throw new Error(`unknown user ${name}`);
    return id;
  }

  private gid(name: string): number {
    const id = this.groups.get(name) ?? Number(name);
    if (!Number.isInteger(id)) throw new Error(`unknown group ${name}`);
    return id;
  }

  private apply(path: string, { mode, owner = 'root', group = 'root' }: Owned, defaultMode: number): void {
    chmodSync(path, mode ?? defaultMode);
    chownSync(path, this.uid(owner), this.gid(group));
  }

  dirAt(path: string, owned: Owned = {}): this {
    const host = join(this.dir, path);
    mkdirSync(host, { recursive: true });
    this.apply(host, owned, 0o755);
    return this;
  }

  file(path: string, content: string, owned: Owned = {}): this {
    const host = join(this.dir, path);
    mkdirSync(dirname(host), { recursive: true });
    writeFileSync(host, content);
    this.apply(host, owned, 0o644);
    return this;
  }

  symlink(path: string, target: string): this {
    const host = join(this.dir, path);
    mkdirSync(dirname(host), { recursive: true });
    symlinkSync(target, host);
    return this;
  }

  /** A running process: <root>/proc/<pid>/cmdline, NUL-separated as the kernel writes it. */
  process(pid: number, argv: string[]): this {
    return this.file(`/proc/${pid}/cmdline`, argv.join('\0') + '\0', { mode: 0o444 });
  }

  /** Changes the mode and/or owner of an existing file or directory. */
  set(path: string, owned: Owned): this {
    const host = join(this.dir, path);
    if (owned.mode !== undefined) chmodSync(host, owned.mode);
    if (owned.owner !== undefined || owned.group !== undefined) {
      const stats = lstatSync(host);
      chownSync(host, owned.owner !== undefined ? this.uid(owned.owner) : stats.uid, owned.group !== undefined ? this.gid(owned.group) : stats.gid);
    }
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { recursive: true, force: true });
    return this;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
