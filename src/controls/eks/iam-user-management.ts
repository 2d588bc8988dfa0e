import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { clusterControl, missing, verdict } from './eks-evidence.js';

export const eksIamUserManagement = clusterControl(
  {
    id: 'eks-iam-user-management',
    title: 'EKS users must be managed with AWS IAM through EKS access entries',
    severity: 'medium',
    family: 'eks',
    rationale:
      'One source of truth for who may use the cluster makes on- and off-boarding reliable and auditable. Access entries keep that mapping in the EKS API, under IAM and CloudTrail; the aws-auth ConfigMap is a second, hand-edited copy that a typo can break or widen, and an OIDC identity provider adds users IAM never sees.',
    remediation:
      'aws eks update-cluster-config --name CLUSTER --access-config authenticationMode=API_AND_CONFIG_MAP, create an access entry for every aws-auth mapping (aws eks create-access-entry / associate-access-policy), then switch to authenticationMode=API. Disassociate OIDC identity providers that are not meant to bypass IAM (aws eks disassociate-identity-provider-config).',
    refs: [...eksCacRule('iam_integration'), ...cisEks('5.5.1'), ...cisEks({ '1.5.0': null, '1.7.0': '4.1.7' })],
  },
  (cluster, evidence) => {
    const mode = cluster.accessConfig?.authenticationMode ?? 'CONFIG_MAP';
    const modeSource = cluster.accessConfig?.authenticationMode ? `authenticationMode ${mode}` : 'no accessConfig in describe-cluster (a cluster created before access entries: CONFIG_MAP)';
    const providers = evidence.identityProviderConfigs;
    if (providers.state === 'present' && providers.value.length > 0) {
      const names = providers.value.map((p) => `${p.type ?? 'oidc'} ${p.name ?? '?'}`).join(', ');
      return verdict('fail', `identity provider(s) ${names} authenticate users outside AWS IAM`);
    }
    if (mode === 'CONFIG_MAP') {
      return verdict('fail', `${modeSource}: users are mapped to Kubernetes only in the aws-auth ConfigMap, not through EKS access entries`);
    }
    if (providers.state !== 'present') return missing(providers, 'whether any identity provider bypasses IAM');
    const note = mode === 'API_AND_CONFIG_MAP' ? '; the aws-auth ConfigMap is still honoured too — switch to API once every mapping has an access entry' : '';
    return verdict('pass', `${modeSource}: users are managed with IAM access entries and no OIDC identity provider is associated${note}`);
  },
);
