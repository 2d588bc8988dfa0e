import yaml from 'js-yaml';
import type { EksCheck, EksControl } from '../control.js';
import type { EksEvidence } from '../../evidence/eks.js';
import { isRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, verdict } from './eks-evidence.js';

/** EKS access policies that give full control of the cluster (or of every namespace they scope). */
const ADMIN_POLICIES = new Set([
  'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
  'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
]);

export const eksClusterAdminAccess: EksControl = {
  id: 'eks-cluster-admin-access',
  title: 'EKS access entries and aws-auth must not hand out system:masters, and cluster admin only where required',
  severity: 'high',
  family: 'eks',
  rationale:
    'On EKS, who is a cluster administrator is decided outside RBAC: by access policies associated with IAM principals and by aws-auth mappings. A mapping to system:masters cannot be narrowed or revoked by any RoleBinding, and every admin principal is a path to the whole cluster when its IAM credentials leak.',
  remediation:
    'Remove system:masters from aws-auth mapRoles/mapUsers (map to a group bound to a narrower ClusterRole instead) or migrate the mapping to an access entry; associate AmazonEKSClusterAdminPolicy only with the break-glass and platform-admin roles that need it (aws eks disassociate-access-policy), scoping others to namespaces with AmazonEKSEditPolicy/ViewPolicy.',
  refs: [...eksCacRule('iam_integration'), ...cisEks('4.1.1'), ...cisEks({ '1.5.0': '4.1.7', '1.7.0': null })],
  scope: 'eks',
  evaluate(evidence) {
    const checks: EksCheck[] = [...awsAuthChecks(evidence), ...accessEntryChecks(evidence)];
    return checks;
  },
};

/** aws-auth (kube-system/aws-auth): mappings to system:masters fail. */
function awsAuthChecks(evidence: EksEvidence): EksCheck[] {
  const mode = evidence.cluster.state === 'present' ? evidence.cluster.value.accessConfig?.authenticationMode ?? 'CONFIG_MAP' : undefined;
  if (mode === 'API') return []; // the ConfigMap is ignored by the authenticator
  if (evidence.kubernetes.state !== 'present') {
    return mode === undefined ? [] : [missing(evidence.kubernetes.state === 'error' ? evidence.kubernetes : { state: 'absent', need: '`kubectl get configmap aws-auth -n kube-system -o yaml` output' }, `which IAM principals aws-auth (honoured in ${mode} mode) maps to system:masters`)];
  }
  const configMap = evidence.kubernetes.value.find((o) => o.object.kind === 'ConfigMap' && o.object.metadata?.namespace === 'kube-system' && o.object.metadata?.name === 'aws-auth');
  if (!configMap && evidence.kubernetesKinds?.includes('ConfigMap')) {
    return [verdict('pass', `the Kubernetes API scan read every ConfigMap and kube-system has no aws-auth ConfigMap: no IAM principal is mapped through it (authenticationMode ${mode ?? 'unknown'})`)];
  }
  if (!configMap) {
    return mode === undefined ? [] : [verdict('manual', `authenticationMode ${mode} honours the aws-auth ConfigMap, which is not among the Kubernetes objects given: which principals does it map to system:masters? (kubectl get configmap aws-auth -n kube-system -o yaml)`)];
  }
  return [awsAuthVerdict(configMap)];
}

function awsAuthVerdict(configMap: SourcedObject): EksCheck {
  const data = isRecord(configMap.object.data) ? configMap.object.data : {};
  const masters: string[] = [];
  for (const key of ['mapRoles', 'mapUsers'] as const) {
    const text = data[key];
    if (text === undefined) continue;
    let entries: unknown;
    try {
      entries = yaml.load(String(text));
    } catch (error) {
      return verdict('error', `aws-auth data.${key} is not valid YAML, so the authenticator may be ignoring it: ${(error as Error).message.split('\n')[0]}`, { object: configMap, path: ['data', key] });
    }
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (!isRecord(entry)) continue;
      const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : [];
      if (groups.includes('system:masters')) masters.push(String(entry.rolearn ?? entry.userarn ?? entry.username ?? '?'));
    }
  }
  return masters.length > 0
    ? verdict('fail', `aws-auth maps ${masters.join(', ')} to system:masters`, { object: configMap, path: ['data'] })
    : verdict('pass', 'aws-auth maps no IAM principal to system:masters', { object: configMap });
}

/** Access entries with an admin access policy are a question each: is cluster admin required for that principal? */
function accessEntryChecks(evidence: EksEvidence): EksCheck[] {
  if (evidence.accessEntryArns.state !== 'present') {
    const mode = evidence.cluster.state === 'present' ? evidence.cluster.value.accessConfig?.authenticationMode ?? 'CONFIG_MAP' : undefined;
    return mode === 'CONFIG_MAP' ? [] : [missing(evidence.accessEntryArns, 'which IAM principals are cluster administrators')];
  }
  const checks: EksCheck[] = [];
  const admins: string[] = [];
  for (const principal of [...evidence.accessEntryArns.value].sort()) {
    const resource = { kind: 'access-entry', name: principal };
    const entry = evidence.accessEntries.get(principal);
    // Node and Fargate entries carry Kubernetes groups set by EKS; access policies cannot be associated with them.
    if (entry?.state === 'present' && entry.value.type && entry.value.type !== 'STANDARD') continue;
    const policies = evidence.associatedAccessPolicies.get(principal);
    if (!policies) {
      checks.push(verdict('manual', `access policies of ${principal} were not collected (aws eks list-associated-access-policies --cluster-name ${evidence.clusterName} --principal-arn ${principal}): is it a cluster administrator, and does it need to be?`, { resource }));
      continue;
    }
    if (policies.state !== 'present') { checks.push(missing(policies, `the access of ${principal}`, resource)); continue; }
    const admin = policies.value.filter((p) => ADMIN_POLICIES.has(p.policyArn ?? ''));
    if (admin.length === 0) continue;
    admins.push(principal);
    const scope = admin.map((p) => `${(p.policyArn ?? '').split('/').pop()} (${p.accessScope?.type === 'namespace' ? `namespaces ${(p.accessScope.namespaces ?? []).join(', ')}` : 'whole cluster'})`).join(', ');
    checks.push(verdict('manual', `${principal} has ${scope}: does this principal need to administer the cluster?`, { resource }));
  }
  if (admins.length === 0 && checks.length === 0) {
    checks.push(verdict('pass', `none of the ${evidence.accessEntryArns.value.length} access entries has an admin access policy`));
  }
  return checks;
}
