import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeMode, judgeOwner, symbolicRemoval } from '../../../src/controls/node-files/file-check.js';
import type { FileFacts } from '../../../src/evidence/node.js';

const file = (mode: number, extra: Partial<FileFacts> = {}): FileFacts => ({ path: '/etc/kubernetes/admin.conf', type: 'file', mode, uid: 0, gid: 0, owner: 'root', group: 'root', ...extra });

describe('file-check template: "N or more restrictive" means no permission bit outside N', () => {
  const cases: [number, number, 'pass' | 'fail'][] = [
    [0o600, 0o600, 'pass'],
    [0o400, 0o600, 'pass'],
    [0o000, 0o600, 'pass'],
    [0o640, 0o600, 'fail'],
    [0o700, 0o600, 'fail'], // owner execute is outside 600, though 700 is "less" than 644 numerically
    [0o644, 0o644, 'pass'],
    [0o604, 0o644, 'pass'],
    [0o660, 0o644, 'fail'],
    [0o4600, 0o600, 'fail'], // setuid is a bit outside the mask too
  ];
  for (const [mode, mask, status] of cases) {
    it(`${mode.toString(8)} against ${mask.toString(8)} is ${status}`, () => {
      assert.equal(judgeMode(file(mode), mask).status, status);
    });
  }

  it('a directory may be searched where it may be read: 755 meets 644, 775 does not', () => {
    assert.equal(judgeMode(file(0o755, { type: 'directory' }), 0o644).status, 'pass');
    assert.equal(judgeMode(file(0o775, { type: 'directory' }), 0o644).status, 'fail');
    assert.equal(judgeMode(file(0o700, { type: 'directory' }), 0o700).status, 'pass');
  });

  it('says which bits are too many', () => {
    assert.match(judgeMode(file(0o666), 0o600).message, /mode 666, which grants 066 beyond 600/);
  });
});

describe('file-check template: ownership by name', () => {
  it('passes root:root and fails anything else, naming unknown ids by number', () => {
    assert.equal(judgeOwner(file(0o600), 'root', 'root').status, 'pass');
    assert.equal(judgeOwner(file(0o600, { group: 'kube', gid: 52380 }), 'root', 'root').status, 'fail');
    const unknown = judgeOwner(file(0o600, { uid: 1000, owner: undefined, gid: 1000, group: undefined }), 'etcd', 'etcd');
    assert.equal(unknown.status, 'fail');
    assert.match(unknown.message, /uid 1000 .*:gid 1000 .*, not etcd:etcd/);
  });
});

describe('file-check template: remediation', () => {
  it('names the chmod that removes only the excess bits', () => {
    assert.equal(symbolicRemoval(0o600), 'u-x,go-rwx');
    assert.equal(symbolicRemoval(0o644), 'u-x,go-wx');
    assert.equal(symbolicRemoval(0o700), 'go-rwx');
  });
});
