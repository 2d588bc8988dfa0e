import { asArray, isRecord } from '../../evidence/kube-object.js';
import { fileContentControl } from '../component-flag.js';
import type { Check } from '../control.js';
import { cis, nsaCisa } from '../../frameworks/refs.js';

const STRONG_PROVIDERS = ['aescbc', 'kms', 'secretbox'];

/** Resource names in an EncryptionConfiguration that cover Secrets ("*." = every core resource, "*.*" = all). */
const COVERS_SECRETS = new Set(['secrets', '*.', '*.*']);

/**
 * CIS 1.2.30 (v1.7) / 1.2.29 (v1.8) / 1.2.28 (v1.9+): "aescbc, kms or secretbox" must be the
 * provider Secrets are written with. The API server writes with the first provider of the first
 * entry whose resources match, so `identity` first means plain text.
 */
export function encryptionConfigVerdict(content: unknown, path: string): Pick<Check, 'status' | 'message'> {
  if (!isRecord(content) || !/^Encryption(Configuration|Config)$/.test(String(content.kind))) {
    return { status: 'fail', message: `${path} is not an EncryptionConfiguration` };
  }
  const entry = asArray(content.resources).find(
    (item) => isRecord(item) && asArray(item.resources).some((name) => COVERS_SECRETS.has(String(name))),
  );
  if (!isRecord(entry)) return { status: 'fail', message: `${path} has no entry for secrets: they are stored unencrypted` };
  const first = asArray(entry.providers)[0];
  const provider = isRecord(first) ? Object.keys(first)[0] : undefined;
  if (provider === undefined) return { status: 'fail', message: `${path} lists no provider for secrets` };
  if (STRONG_PROVIDERS.includes(provider)) return { status: 'pass', message: `${path} encrypts secrets with ${provider} first` };
  if (provider === 'identity') return { status: 'fail', message: `${path} has identity as the first provider for secrets: new Secrets are written unencrypted` };
  return { status: 'fail', message: `${path} writes secrets with ${provider}; the benchmark requires aescbc, kms or secretbox first` };
}

export const apiserverEncryptionProviderContent = fileContentControl({
  id: 'apiserver-encryption-provider-content',
  title: 'The encryption provider configuration must encrypt Secrets with aescbc, kms or secretbox',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'encryption-provider-config',
  judgeContent: encryptionConfigVerdict,
  fix: 'make kms (preferred), aescbc or secretbox the first provider for secrets in the file given by --encryption-provider-config, restart the API server, then rewrite existing Secrets (kubectl get secrets -A -o json | kubectl replace -f -)',
  remediation:
    'Make kms (preferred), aescbc or secretbox the first provider of the secrets entry in the EncryptionConfiguration named by --encryption-provider-config (kubeadm: referenced from /etc/kubernetes/manifests/kube-apiserver.yaml), restart the API server, then rewrite existing Secrets: kubectl get secrets -A -o json | kubectl replace -f -.',
  rationale:
    'An encryption configuration whose first provider for Secrets is identity (or that does not list secrets) stores them in etcd in plain text.',
  refs: [...cis({ '1.7': '1.2.30', '1.8': '1.2.29', '1.9': '1.2.28' }), ...nsaCisa('network/secrets-encryption-at-rest')],
});
