import type { EksCheck, EksControl } from '../control.js';
import { launchTemplateKey, type EksEvidence, type Nodegroup } from '../../evidence/eks.js';
import { asArray, asRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { workloadOf } from '../../evidence/workload.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { kubernetesControl, missing, nodegroupsOf, verdict } from './eks-evidence.js';

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const STATIC_KEY_VARS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
/** Pods controlled by these kinds are judged on their controller, once. */
const CONTROLLED = new Set(['ReplicaSet', 'Job', 'DaemonSet', 'StatefulSet']);

const workloadIdentities = kubernetesControl(
  {
    id: 'eks-dedicated-service-accounts',
    title: 'Workloads must call AWS through a dedicated IAM role (IRSA or EKS Pod Identity), not keys or the node role',
    severity: 'medium',
    family: 'eks',
    rationale:
      'AWS keys stored in a Secret or environment variable need manual rotation and leak with the pod spec; the node\'s instance role, which any pod can take from the instance metadata service unless IMDSv2 with a hop limit of 1 stops it, is shared by every pod on the node. A service account of its own, bound to an IAM role through IRSA or an EKS Pod Identity association, gives each workload only its own permissions, with short-lived credentials.',
    remediation:
      'Create a ServiceAccount for the workload and bind it to an IAM role: annotate it eks.amazonaws.com/role-arn: arn:aws:iam::ACCOUNT:role/ROLE (IRSA), or aws eks create-pod-identity-association --cluster-name CLUSTER --namespace NS --service-account SA --role-arn ROLE. Remove AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the pod spec and revoke those keys. Keep pods off the node role: in the node group launch template set MetadataOptions HttpTokens=required and HttpPutResponseHopLimit=1.',
    refs: [...eksCacRule('dedicated_service_accounts'), ...cisEks('5.2.1')],
  },
  (objects, evidence) => {
    const roleOf = serviceAccountRoles(objects, evidence);
    const checks: EksCheck[] = [];
    for (const sourced of objects) {
      const owner = sourced.object.metadata?.ownerReferences?.find((o) => o.controller);
      if (sourced.object.kind === 'Pod' && owner?.kind && CONTROLLED.has(owner.kind)) continue;
      if (sourced.object.kind === 'ReplicaSet' && owner?.kind === 'Deployment') continue;
      if (sourced.object.kind === 'Job' && owner?.kind === 'CronJob') continue;
      const workload = workloadOf(sourced);
      if (!workload) continue;
      const namespace = sourced.object.metadata?.namespace ?? 'default';
      const keys = workload.containers.flatMap((c) =>
        asArray(c.spec.env).map((e) => asRecord(e)).filter((e) => STATIC_KEY_VARS.has(String(e.name))).map((e) => `${c.name}: ${String(e.name)}`),
      );
      if (keys.length > 0) {
        checks.push(verdict('fail', `uses static AWS credentials in its environment (${keys.join(', ')})`, { object: sourced }));
        continue;
      }
      const serviceAccount = String(workload.podSpec.serviceAccountName ?? workload.podSpec.serviceAccount ?? 'default');
      const role = roleOf.get(`${namespace}/${serviceAccount}`);
      if (role) checks.push(verdict('pass', `runs as service account ${serviceAccount}, bound to ${role}`, { object: sourced }));
    }
    if (checks.length === 0) {
      return [verdict('manual', 'no workload uses IRSA, EKS Pod Identity or static AWS keys: do any of them call AWS APIs (through the node\'s instance role)? Each that does needs a service account of its own bound to an IAM role')];
    }
    return checks;
  },
);

/** The node groups' side of the rule: can pods take the node role's credentials from IMDS? */
function nodeRoleReach(evidence: EksEvidence): EksCheck[] {
  return nodegroupsOf(evidence).map(({ name, evidence: nodegroup }) => {
    const resource = { kind: 'nodegroup', name };
    if (nodegroup.state !== 'present') return missing(nodegroup, `whether pods on node group ${name} can use the node role`, resource);
    return { ...instanceMetadataReach(nodegroup.value, evidence), resource };
  });
}

function instanceMetadataReach(nodegroup: Nodegroup, evidence: EksEvidence): EksCheck {
  const name = nodegroup.nodegroupName;
  const question = 'do its nodes require IMDSv2 (HttpTokens required) with HttpPutResponseHopLimit 1, so that pods cannot take the node role\'s credentials?';
  const template = nodegroup.launchTemplate;
  if (!template) return verdict('manual', `node group ${name} has no launch template of its own: ${question}`);
  const version = template.version ?? '$Default';
  const data = evidence.launchTemplateVersions.get(launchTemplateKey(template.id ?? template.name ?? '', version))
    ?? evidence.launchTemplateVersions.get(launchTemplateKey(template.name ?? '', version));
  if (!data) {
    return verdict(evidence.ec2Errors.length > 0 ? 'error' : 'manual', `node group ${name}: launch template ${template.name ?? template.id} version ${version} was not collected${evidence.ec2Errors.length > 0 ? ` (${evidence.ec2Errors.join('; ')})` : ''}: ${question}`);
  }
  const metadata = data.LaunchTemplateData?.MetadataOptions;
  if (!metadata) return verdict('manual', `node group ${name}: launch template sets no MetadataOptions, so the AMI's defaults apply: ${question}`);
  if (metadata.HttpEndpoint === 'disabled') return verdict('pass', `node group ${name}: the instance metadata service is disabled`);
  const hops = metadata.HttpPutResponseHopLimit ?? 1;
  if (metadata.HttpTokens === 'required' && hops === 1) return verdict('pass', `node group ${name}: IMDSv2 is required with a hop limit of 1; pods cannot reach the node role`);
  const why = metadata.HttpTokens !== 'required' ? `IMDSv1 is allowed (HttpTokens ${metadata.HttpTokens ?? 'optional'})` : `HttpPutResponseHopLimit is ${hops}`;
  return verdict('fail', `node group ${name}: ${why}, so every pod on its nodes can take the node role's credentials from the instance metadata service`);
}

/** `namespace/serviceaccount` → how it gets its IAM role (IRSA annotation or Pod Identity association). */
function serviceAccountRoles(objects: SourcedObject[], evidence: EksEvidence): Map<string, string> {
  const roles = new Map<string, string>();
  for (const { object } of objects) {
    const arn = object.kind === 'ServiceAccount' ? object.metadata?.annotations?.[IRSA_ANNOTATION] : undefined;
    if (arn) roles.set(`${object.metadata?.namespace ?? 'default'}/${object.metadata?.name}`, `IRSA role ${arn}`);
  }
  if (evidence.podIdentityAssociations.state === 'present') {
    for (const association of evidence.podIdentityAssociations.value) {
      if (association.namespace && association.serviceAccount) {
        roles.set(`${association.namespace}/${association.serviceAccount}`, `EKS Pod Identity association ${association.associationId ?? ''}`.trim());
      }
    }
  }
  return roles;
}

export const eksDedicatedServiceAccounts: EksControl = {
  ...workloadIdentities,
  evaluate: (evidence) => [...nodeRoleReach(evidence), ...workloadIdentities.evaluate(evidence)],
};
