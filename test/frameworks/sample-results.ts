import type { ControlMeta, Severity, Status } from '../../src/controls/control.js';
import type { Result, ResultsDocument, Subject } from '../../src/engine/result.js';
import { summarize } from '../../src/engine/result.js';
import type { Ref } from '../../src/frameworks/refs.js';

/** Node and cluster results exercising every status, a waiver and a control that saw nothing. */
export const SAMPLE_CONTROLS: Pick<ControlMeta, 'id' | 'refs'>[] = [
  { id: 'controller-manager-tls-min-version', refs: [{ framework: 'stig-v2r2', id: 'V-242376' }, { framework: 'cis-1.9', id: '1.3.1' }] },
  { id: 'scheduler-tls-min-version', refs: [{ framework: 'stig-v2r2', id: 'V-242377' }] },
  { id: 'apiserver-tls-min-version', refs: [{ framework: 'stig-v2r2', id: 'V-242378' }] },
  { id: 'etcd-auto-tls', refs: [{ framework: 'stig-v2r2', id: 'V-242379' }, { framework: 'cis-1.9', id: '2.3' }] },
  { id: 'etcd-peer-auto-tls', refs: [{ framework: 'stig-v2r2', id: 'V-242380' }, { framework: 'cis-1.9', id: '2.6' }] },
  { id: 'controller-manager-service-account-credentials', refs: [{ framework: 'stig-v2r2', id: 'V-242381' }] },
  { id: 'secrets-in-env', refs: [{ framework: 'stig-v2r2', id: 'V-242415' }, { framework: 'cis-1.9', id: '5.4.1' }] },
  { id: 'kubelet-static-pod-path', refs: [{ framework: 'stig-v2r2', id: 'V-242397' }] },
  { id: 'dashboard-not-deployed', refs: [{ framework: 'stig-v2r2', id: 'V-242395' }] },
  { id: 'privileged-container', refs: [{ framework: 'cis-1.9', id: '5.2.2' }, { framework: 'pss-baseline', id: 'privileged' }] },
];

const cp1 = (kind: string): Subject => ({ type: 'component', kind, node: 'cp1', file: '/etc/kubernetes/manifests/x.yaml', line: 12 });
const pod = (name: string): Subject => ({ type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name, container: 'app' });

function result(control: string, status: Status, subject: Subject, message: string, severity: Severity = 'medium'): Result {
  const refs: Ref[] = SAMPLE_CONTROLS.find((c) => c.id === control)!.refs;
  return { control, title: control, severity, status, refs, subject, message };
}

export function sampleDocument(): ResultsDocument {
  const waived = result('apiserver-tls-min-version', 'waived', cp1('kube-apiserver'), '--tls-min-version is VersionTLS11');
  waived.waiver = { justification: 'Legacy client <ACME & Co> until migration', expires: '2027-01-31', source: '.kubeharden.yaml' };
  const results: Result[] = [
    result('controller-manager-tls-min-version', 'pass', cp1('kube-controller-manager'), '--tls-min-version is VersionTLS12'),
    result('scheduler-tls-min-version', 'fail', cp1('kube-scheduler'), '--tls-min-version is "VersionTLS10" <unsafe> & old'),
    waived,
    result('etcd-auto-tls', 'error', cp1('etcd'), 'cannot read /etc/kubernetes/manifests/etcd.yaml: permission denied', 'high'),
    result('etcd-peer-auto-tls', 'not-applicable', { type: 'component', kind: 'etcd', node: 'cp1' }, 'etcd does not run on this node'),
    result('secrets-in-env', 'pass', pod('api'), 'no secret in env'),
    result('secrets-in-env', 'fail', pod('worker'), 'env DB_PASSWORD comes from secretKeyRef db/password', 'high'),
    result('dashboard-not-deployed', 'pass', { type: 'cluster', name: 'prod' }, 'no kubernetes-dashboard Deployment or Service in the cluster'),
    result('kubelet-static-pod-path', 'manual', { type: 'file', path: '/var/lib/kubelet/config.yaml', node: 'cp1' }, 'staticPodPath is set: confirm only control-plane pods use it'),
  ];
  return {
    schemaVersion: 1,
    tool: { name: 'kubeharden', version: '0.1.0' },
    scan: {
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:00:05.000Z',
      targets: [{ type: 'node', root: '/', hostname: 'cp1', ip: '10.0.0.5' }, { type: 'cluster', context: 'prod', kubernetesVersion: 'v1.29.4' }],
    },
    results,
    summary: summarize(results),
  };
}
