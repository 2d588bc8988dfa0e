// Control ids starting with example- are not in the catalog (and never will be), so goldens do not change as controls are added.
import type { Result, ResultsDocument } from '../../src/engine/result.js';
import { summarize } from '../../src/engine/result.js';
import { cis, nsaCisa, stig } from '../../src/frameworks/refs.js';

/** A document with every status, every subject type and text that breaks naive escaping. */
export function fixtureResults(): Result[] {
  return [
    {
      control: 'privileged-container',
      title: 'Containers must not run privileged',
      severity: 'high',
      status: 'fail',
      refs: [...cis('5.2.2'), ...nsaCisa('pod-security/privileged')],
      subject: { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', container: 'log-shipper', file: 'k8s/web app.yaml', line: 36 },
      message: 'container "log-shipper" sets securityContext.privileged: true',
      remediation: 'Remove securityContext.privileged from the container, or set it to false.',
    },
    {
      control: 'privileged-container',
      title: 'Containers must not run privileged',
      severity: 'high',
      status: 'pass',
      refs: [...cis('5.2.2')],
      subject: { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app', file: 'k8s/web app.yaml', line: 23 },
      message: 'container "app" is not privileged',
    },
    {
      control: 'privileged-container',
      title: 'Containers must not run privileged',
      severity: 'high',
      status: 'waived',
      refs: [...cis('5.2.2')],
      subject: { type: 'resource', apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'kube-system', name: 'cilium', container: 'agent', file: 'k8s/cni.yaml', line: 12 },
      message: 'container "agent" sets securityContext.privileged: true',
      remediation: 'Remove securityContext.privileged from the container, or set it to false.',
      waiver: { justification: 'CNI agent programs the host network; reviewed in SEC-42', expires: '2099-12-31', source: '.kubeharden.yaml:3' },
    },
    {
      control: 'example-anonymous-auth',
      title: 'The API server must not allow anonymous requests',
      severity: 'critical',
      status: 'fail',
      refs: [...cis('1.2.1'), ...stig('V-242390')],
      subject: { type: 'component', kind: 'kube-apiserver', node: 'cp-1', file: '/etc/kubernetes/manifests/kube-apiserver.yaml', line: 17 },
      message: '--anonymous-auth is not set; the default is true, so "anonymous, unauthenticated" requests <are> allowed & served',
      remediation: 'Set --anonymous-auth=false in /etc/kubernetes/manifests/kube-apiserver.yaml.',
    },
    {
      control: 'example-kubelet-config-mode',
      title: 'The kubelet config file must be mode 600 or stricter',
      severity: 'medium',
      status: 'manual',
      refs: [...cis('4.1.9')],
      subject: { type: 'file', path: '/var/lib/kubelet/config.yaml', node: 'worker-1' },
      message: 'line one, with a comma\nline two with a "quote"\tand a tab\u0007 and a bell',
      remediation: 'chmod 600 /var/lib/kubelet/config.yaml',
    },
    {
      control: 'example-etcd-peer-tls',
      title: 'etcd must use TLS between peers',
      severity: 'low',
      status: 'not-applicable',
      refs: [],
      subject: { type: 'cluster', name: 'prod' },
      message: 'no etcd on this node',
    },
    {
      control: 'input-readable',
      title: 'Every input must be readable and valid',
      severity: 'high',
      status: 'error',
      refs: [],
      subject: { type: 'input', file: 'k8s/broken.yaml', line: 4 },
      message: 'invalid YAML: bad indentation of a mapping entry | with a pipe',
      remediation: 'Fix the file at the line named (or its permissions) and scan again.',
    },
  ];
}

export function fixtureDocument(results: Result[] = fixtureResults()): ResultsDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'kubeharden', version: '0.1.0' },
    scan: { startedAt: '2026-01-02T03:04:05.000Z', finishedAt: '2026-01-02T03:04:06.000Z', targets: [{ type: 'manifests', paths: ['k8s'] }] },
    results,
    summary: summarize(results),
  };
}
