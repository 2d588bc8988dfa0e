import type { NodeRoot } from './root-fs.js';
import { isError } from './root-fs.js';

/** uid → name and gid → name from the node's own /etc/passwd and /etc/group (never the scanning host's). */
export interface Accounts {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
}

export function readAccounts(root: NodeRoot, problems: { path: string; message: string }[]): Accounts {
  const users = idNames(root, '/etc/passwd', problems);
  const groups = idNames(root, '/etc/group', problems);
  return {
    // uid/gid 0 is root on every Linux even when an image ships no passwd file.
    user: (uid) => users.get(uid) ?? (uid === 0 ? 'root' : undefined),
    group: (gid) => groups.get(gid) ?? (gid === 0 ? 'root' : undefined),
  };
}

/** `name:x:id:...` lines: the first name per id wins, as getpwuid(3) returns it. */
function idNames(root: NodeRoot, path: string, problems: { path: string; message: string }[]): Map<number, string> {
  const names = new Map<number, string>();
  const read = root.readText(path);
  if (isError(read)) {
    if (read.error.kind !== 'not-found') problems.push({ path, message: `${read.error.message}; owners are shown as numbers` });
    return names;
  }
  for (const line of read.text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = line.split(':');
    const id = Number(fields[2]);
    if (fields[0] && Number.isInteger(id) && !names.has(id)) names.set(id, fields[0]);
  }
  return names;
}
