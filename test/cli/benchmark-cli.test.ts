import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCkl } from '../../src/report/ckl.js';
import { kubeadmWorker } from '../sources/node/fixtures.js';

const CLI = join('dist', 'src', 'cli', 'main.js');

function run(args: string[]) {
  const child = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('--benchmark on the CLI', () => {
  it('scan --benchmark renders every item under its section with the score', () => {
    const out = run(['scan', 'examples', '--benchmark', 'cis-1.10']);
    assert.equal(out.code, 1, out.stderr);
    assert.match(out.stdout, /^CIS Kubernetes Benchmark v1\.10$/m);
    assert.match(out.stdout, /^5\.2 Pod Security Standards$/m);
    assert.match(out.stdout, /^ {2}fail +5\.2\.2 +L1 Minimize the admission of privileged containers {2}\[privileged-container\]$/m);
    assert.match(out.stdout, /fail: Deployment shop\/web \[log-shipper\] {2}examples\/web-app\.yaml:36/);
    const itemLines = out.stdout.split('\n').filter((line) => /^ {2}[a-z-]+ +\d+(\.\d+)+ /.test(line));
    assert.equal(itemLines.length, 130, 'every item is listed');
    assert.ok(itemLines.some((line) => /^ {2}manual +\S+ +(L\d )?.*[^\]]$/.test(line)), 'items without automation are listed, not dropped');
    assert.match(out.stdout, /^ {2}not-checked +1\.2\.\d+ /m, 'control-plane items in a manifest scan are not checked');
    const score = /^Score: ([\d.]+)% \((\d+) of (\d+) evaluated automated items passed; (\d+) of 130 items automated\)/m.exec(out.stdout);
    assert.ok(score, out.stdout.slice(-300));
    assert.equal(Number(score[1]), Math.round((1000 * Number(score[2])) / Number(score[3])) / 10);
    assert.ok(Number(score[2]) < Number(score[3]), 'the privileged container fails 5.2.2');
  });

  it('--benchmark auto without a cluster version takes the newest CIS and says so', () => {
    const out = run(['scan', 'examples', '--benchmark', 'auto', '--fail-on', 'none']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^CIS Kubernetes Benchmark v1\.12\n\(Kubernetes version unknown: using the newest CIS benchmark, cis-1\.12\)/);
  });

  it('rejects an unknown benchmark before scanning, exit 2', () => {
    const out = run(['scan', 'examples', '--benchmark', 'cis-2.0']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /unknown benchmark "cis-2\.0"; choose one of: auto, cis-1\.7/);
  });

  it('controls --benchmark lists every item with its automation and controls', () => {
    const out = run(['controls', '--benchmark', 'stig-v2r2']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^ {2}V-242376 +CAT II +(automated|manual) +The Kubernetes Controller Manager must use TLS 1\.2/m);
    assert.match(out.stdout, /^ {2}V-242383 +CAT I +/m);
    assert.match(out.stdout, /^95 items: \d+ automated by kubeharden, \d+ manual/m);
    const json = JSON.parse(run(['controls', '--benchmark', 'cis-1.9', '--format', 'json']).stdout) as { items: { id: string; automation: string; controls: string[] }[] };
    assert.equal(json.items.length, 130);
    assert.deepEqual(json.items.find((i) => i.id === '5.2.2'), { ...json.items.find((i) => i.id === '5.2.2'), automation: 'automated' });
    assert.ok(json.items.find((i) => i.id === '5.2.2')!.controls.includes('privileged-container'));
  });

  it('writes a STIG checklist and merges a scan into an existing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeharden-cli-ckl-'));
    const file = join(dir, 'web.ckl');
    const out = run(['scan', 'examples', '--format', 'ckl', '--asset-name', 'web & api', '-o', file]);
    assert.equal(out.code, 1, out.stderr);
    const ckl = readCkl(readFileSync(file, 'utf8'));
    assert.equal(ckl.vulns.length, 95);
    assert.equal(ckl.asset.HOST_NAME, 'web & api');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<HOST_NAME>web &amp; api</HOST_NAME>', '<HOST_NAME>assessor</HOST_NAME>'));
    const merged = run(['scan', 'examples', '--format', 'ckl', '--merge-into', file]);
    assert.equal(readCkl(merged.stdout).asset.HOST_NAME, 'assessor');
    assert.equal(readCkl(merged.stdout).vulns.length, 95);
    const bad = run(['scan', 'examples', '--format', 'ckl', '--benchmark', 'cis-1.9']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /use --benchmark stig-v2r2/);
    const role = run(['scan', 'examples', '--format', 'cklb', '--asset-role', 'Kubernetes']);
    assert.equal(role.code, 2);
    assert.match(role.stderr, /--asset-role "Kubernetes"/);
  });

  it('eks --benchmark renders the CIS EKS and ComplianceAsCode items', () => {
    const out = run(['eks', '--from-dir', 'test/fixtures/eks/failing', '--benchmark', 'cis-eks-1.8.0', '--fail-on', 'none']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^CIS Amazon EKS Benchmark v1\.8\.0$/m);
    assert.match(out.stdout, /^Score: [\d.]+% \(\d+ of \d+ evaluated automated items passed; \d+ of 50 items automated\)/m);
    const cac = run(['eks', '--from-dir', 'test/fixtures/eks/failing', '--benchmark', 'eks-cac', '--fail-on', 'none']);
    assert.match(cac.stdout, /^ {2}fail +audit_logging +Ensure Audit Logging is Enabled/m);
  });

  it('cluster --snapshot --benchmark auto renders the newest CIS when the dump carries no server version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeharden-cli-cluster-'));
    const file = join(dir, 'dump.json');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }] } };
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [pod] }));
    const out = run(['cluster', '--snapshot', file, '--benchmark', 'auto', '--fail-on', 'none']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^CIS Kubernetes Benchmark v1\.12\n\(Kubernetes version unknown/);
    assert.match(out.stdout, /^ {2}fail +5\.2\.2 /m);
  });

  it('node --benchmark stig-v2r2 --format ckl writes the node\'s STIG Viewer checklist', () => {
    const b = kubeadmWorker();
    try {
      const out = run(['node', '--root', b.dir, '--benchmark', 'stig-v2r2', '--format', 'ckl']);
      assert.equal(out.code, 1, out.stderr);
      const ckl = readCkl(out.stdout);
      assert.equal(ckl.vulns.length, 95);
      assert.equal(ckl.asset.HOST_NAME, 'worker1');
      const sshd = ckl.vulns.find((v) => v.data.Vuln_Num?.[0] === 'V-242393')!;
      assert.equal(sshd.status, 'Open');
      assert.match(sshd.findingDetails, /\[fail\] sshd on worker1/);
      assert.ok(ckl.vulns.some((v) => v.status === 'NotAFinding'), 'some rules pass on the worker');
      assert.ok(ckl.vulns.some((v) => v.status === 'Not_Reviewed'), 'manual rules stay Not_Reviewed');
    } finally {
      b.cleanup();
    }
  });

  it('writes every assessor format', () => {
    for (const format of ['cklb', 'xccdf', 'hdf', 'oscal', 'policyreport']) {
      const out = run(['scan', 'examples', '--format', format, '--fail-on', 'none']);
      assert.equal(out.code, 0, `${format}: ${out.stderr}`);
      assert.ok(out.stdout.length > 100, format);
    }
  });
});
