import { displayValue } from '../../evidence/component-config/index.js';
import { componentControl } from '../component-flag.js';
import type { Check } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

/**
 * CIS 2.7: "Verify that the file referenced by the --client-ca-file for apiserver is different from
 * the --trusted-ca-file used by etcd." The API server's --etcd-cafile names the same etcd CA from
 * the other side, so it counts too. Only paths are compared: two paths can still hold one
 * certificate, which a human must rule out.
 */
export const etcdUniqueCa = componentControl(
  {
    id: 'etcd-unique-ca',
    title: 'etcd must use a certificate authority of its own',
    severity: 'medium',
    component: 'etcd',
    needsPeers: true,
    fix: 'give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt) in --trusted-ca-file, distinct from the API server\'s --client-ca-file',
    rationale:
      'If etcd trusts the cluster CA, every certificate that CA issued (any kubelet, any user) is accepted as an etcd client and can read and write the whole cluster state.',
    refs: [...cis('2.7'), ...nsaCisa('network/etcd-protection')],
  },
  (config, { peers }) => {
    const apiservers = peers.filter((peer) => peer.kind === 'kube-apiserver');
    const trusted = config.settings.get('trusted-ca-file');
    const etcdCas = [
      ...(trusted ? [{ path: displayValue(trusted.value), by: `etcd --trusted-ca-file`, location: trusted.origin.location }] : []),
      ...apiservers.flatMap((api) => {
        const cafile = api.settings.get('etcd-cafile');
        return cafile ? [{ path: displayValue(cafile.value), by: 'kube-apiserver --etcd-cafile', location: undefined }] : [];
      }),
    ];
    const clientCas = apiservers.flatMap((api) => {
      const ca = api.settings.get('client-ca-file');
      return ca ? [displayValue(ca.value)] : [];
    });
    if (apiservers.length === 0) {
      return [{ status: 'manual', message: 'no kube-apiserver was seen with this etcd; compare etcd --trusted-ca-file with the API server\'s --client-ca-file by hand' }];
    }
    const shared = etcdCas.find((ca) => clientCas.includes(ca.path));
    if (shared) {
      const result: Check = { status: 'fail', message: `${shared.by}=${shared.path} is also the API server's --client-ca-file: etcd trusts the cluster CA` };
      if (shared.location) {
        result.location = shared.location;
        if (shared.location.path) result.path = shared.location.path;
      }
      return [result];
    }
    if (etcdCas.length === 0 || clientCas.length === 0) {
      return [{ status: 'manual', message: 'the etcd CA (--trusted-ca-file, --etcd-cafile) or the API server --client-ca-file is not set; the CAs cannot be compared' }];
    }
    return [{ status: 'pass', message: `etcd CA ${etcdCas.map((ca) => ca.path).join(', ')} differs from the API server client CA ${clientCas.join(', ')}` }];
  },
);
