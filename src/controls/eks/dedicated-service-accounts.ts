import type { EksCheck } from '../control.js';
import type { EksEvidence } from '../../evidence/eks.js';
import { asArray, asRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { workloadOf } from '../../evidence/workload.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { kubernetesControl, verdict } from './eks-evidence.js';

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const STATIC_KEY_VARS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
/** Pods controlled by these kinds are judged on their controller, once. */
const CONTROLLED = new Set(['ReplicaSet', 'Job', 'DaemonSet', 'StatefulSet']);

export const eksDedicatedServiceAccounts = kubernetesControl(
  {
    id: 'eks-dedicated-service-accounts',
    title: 'Workloads must call AWS through a dedicated IAM role (IRSA or EKS Pod Identity), not keys or the node role',
    severity: 'medium',
    family: 'eks',
    rationale:
      'AWS keys stored in a Secret or environment variable need manual rotation and leak with the pod spec; the node\'s instance role is shared by every pod on the node. A service account of its own, bound to an IAM role through IRSA or an EKS Pod Identity association, gives each workload only its own permissions, with short-lived credentials.',
    remediation:
      'Create a ServiceAccount for the workload and bind it to an IAM role: annotate it eks.amazonaws.com/role-arn: arn:aws:iam::ACCOUNT:role/ROLE (IRSA), or aws eks create-pod-identity-association --cluster-name CLUSTER --namespace NS --service-account SA --role-arn ROLE. Remove AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the pod spec and revoke those keys.',
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
