import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { clusterControl, verdict } from './eks-evidence.js';

export const eksSecretsKmsEncryption = clusterControl(
  {
    id: 'eks-secrets-kms-encryption',
    title: 'EKS must envelope-encrypt Kubernetes Secrets with a customer managed KMS key',
    severity: 'medium',
    family: 'eks',
    rationale:
      'Secrets are stored in etcd. Envelope encryption with a KMS key you manage adds a layer that protects them even if etcd data or its backups are exposed, and lets you audit and revoke use of the key.',
    remediation:
      'aws eks associate-encryption-config --cluster-name CLUSTER --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"}}]\' (it cannot be removed once enabled), then rewrite existing Secrets: kubectl get secrets -A -o json | kubectl replace -f -.',
    refs: [...eksCacRule('secret_encryption'), ...cisEks('5.3.1')],
  },
  (cluster) => {
    const config = (cluster.encryptionConfig ?? []).find((entry) => (entry.resources ?? []).includes('secrets'));
    if (!config) return verdict('fail', 'describe-cluster shows no encryptionConfig for the "secrets" resource: Secrets are not envelope-encrypted with a customer managed KMS key');
    const keyArn = config.provider?.keyArn;
    if (!keyArn) return verdict('fail', 'encryptionConfig covers "secrets" but names no KMS key (provider.keyArn)');
    return verdict('pass', `Secrets are envelope-encrypted with KMS key ${keyArn}`);
  },
);
