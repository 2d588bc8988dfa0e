/**
 * The template behind every file permission and ownership item of CIS 1.1.x / 4.1.x and the STIG
 * file rules: a file role (which files, found by the node source) and one requirement, a mode
 * mask or an owner. Each control is a short declaration over it.
 */
import { octal, type FileFacts, type FileRole, type NodeEvidence } from '../../evidence/node.js';
import type { ControlMeta, NodeCheck, NodeControl } from '../control.js';

export type FileRequirement =
  /** 'N or more restrictive': no permission bit (special bits included) outside `mask`. */
  | { mode: number }
  /** Owner and group by name, as the node's own /etc/passwd and /etc/group name them. */
  | { owner: string; group: string };

export interface FileCheckSpec extends Omit<ControlMeta, 'family' | 'remediation'> {
  roles: readonly FileRole[];
  require: FileRequirement;
  /** Says what the files are in messages and remediation: 'the API server pod specification file'. */
  what: string;
  /** The command that fixes a failure (`chmod 600 <file>`); generated from the requirement when omitted. */
  remediation?: string;
}

/** A `chmod` symbolic mode that removes every permission bit outside `mask`: 600 → `u-x,go-rwx`, 644 → `u-x,go-wx`. */
export function symbolicRemoval(mask: number): string {
  const removed = (['u', 'g', 'o'] as const).map((who, i) => ({
    who,
    letters: ['r', 'w', 'x'].filter((_, bit) => (mask & ((0o4 >> bit) << (6 - 3 * i))) === 0).join(''),
  }));
  const groups = new Map<string, string>();
  for (const { who, letters } of removed) if (letters) groups.set(letters, (groups.get(letters) ?? '') + who);
  return [...groups].map(([letters, who]) => `${who}-${letters}`).join(',');
}

/** The bits a file may have: a directory may also be searched (x) wherever it may be read (r). */
export function allowedBits(mask: number, file: Pick<FileFacts, 'type'>): number {
  return file.type === 'directory' ? mask | ((mask & 0o444) >> 2) : mask;
}

export function judgeMode(file: FileFacts, mask: number): NodeCheck {
  const extra = file.mode & ~allowedBits(mask, file) & 0o7777;
  const subject = { type: 'file' as const, path: file.path };
  return extra === 0
    ? { status: 'pass', message: `${file.path} has mode ${octal(file.mode)}, ${octal(mask)} or more restrictive`, subject }
    : { status: 'fail', message: `${file.path} has mode ${octal(file.mode)}, which grants ${octal(extra)} beyond ${octal(mask)}`, subject };
}

export function judgeOwner(file: FileFacts, owner: string, group: string): NodeCheck {
  const subject = { type: 'file' as const, path: file.path };
  const user = file.owner ?? `uid ${file.uid} (no entry in the node's /etc/passwd)`;
  const grp = file.group ?? `gid ${file.gid} (no entry in the node's /etc/group)`;
  return file.owner === owner && file.group === group
    ? { status: 'pass', message: `${file.path} is owned by ${owner}:${group}`, subject }
    : { status: 'fail', message: `${file.path} is owned by ${user}:${grp}, not ${owner}:${group}`, subject };
}

/** One verdict per file of each role; an absent role is not-applicable, an unreadable one an error. */
export function fileCheck(spec: FileCheckSpec): NodeControl {
  const require = spec.require;
  const fix =
    spec.remediation ??
    ('mode' in require
      ? `Run \`chmod ${octal(require.mode)} <file>\` on ${spec.what}, or \`chmod ${symbolicRemoval(require.mode)} <file>\` to remove only the bits beyond ${octal(require.mode)}.`
      : `Run \`chown ${require.owner}:${require.group} <file>\` on ${spec.what}.`);
  const { roles: _roles, require: _require, what: _what, ...meta } = spec;
  return {
    ...meta,
    family: 'node-files',
    remediation: fix,
    scope: 'node',
    evaluate(node: NodeEvidence): NodeCheck[] {
      const checks: NodeCheck[] = [];
      const absent: string[] = [];
      for (const role of spec.roles) {
        const facts = node.files[role];
        if (facts.state === 'absent') {
          absent.push(facts.reason);
          continue;
        }
        if (facts.state === 'error') {
          checks.push({ status: 'error', message: `${spec.what}: ${facts.message}`, subject: { type: 'file', path: facts.path } });
          continue;
        }
        for (const error of facts.errors) checks.push({ status: 'error', message: `cannot check ${spec.what}: ${error.message}`, subject: { type: 'file', path: error.path } });
        for (const file of facts.files) checks.push('mode' in require ? judgeMode(file, require.mode) : judgeOwner(file, require.owner, require.group));
        if (facts.files.length === 0 && facts.errors.length === 0) {
          checks.push({ status: 'not-applicable', message: `no files found for ${spec.what}`, subject: { type: 'file', path: `(${spec.what})` } });
        }
      }
      // Some of several roles may be absent (no scheduler on an etcd-only node): say so only when nothing was checked.
      if (checks.length === 0 && absent.length > 0) {
        checks.push({ status: 'not-applicable', message: `${absent[0]}; nothing to check for ${spec.what}`, subject: { type: 'file', path: `(${spec.what})` } });
      }
      return checks;
    },
  };
}

export const ROOT_OWNED: FileRequirement = { owner: 'root', group: 'root' };
export const ETCD_OWNED: FileRequirement = { owner: 'etcd', group: 'etcd' };
