import type { EksCheck, EksControl } from '../control.js';
import { isRecord } from '../../evidence/kube-object.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, verdict } from './eks-evidence.js';

export const eksEcrAccessMinimized: EksControl = {
  id: 'eks-ecr-access-minimized',
  title: 'Access to ECR repositories must be limited to authorized people and service accounts',
  severity: 'medium',
  family: 'eks',
  rationale:
    'Whoever can push to a repository decides what the cluster runs: weak access control lets a malicious user replace a built image with a vulnerable or backdoored one.',
  remediation:
    'Remove statements that allow ECR actions to Principal "*" without a restricting Condition (aws ecr set-repository-policy / delete-repository-policy), grant push only to the CI role, and give people read access through IAM groups or roles reviewed regularly. Immutable tags (imageTagMutability IMMUTABLE) stop a tag from being overwritten.',
  refs: [...eksCacRule('registry_access'), ...cisEks('5.1.2')],
  scope: 'eks',
  evaluate(evidence) {
    if (evidence.repositories.state !== 'present') return [missing(evidence.repositories, 'who can access the ECR repositories')];
    return [...evidence.repositories.value]
      .sort((a, b) => a.repositoryName.localeCompare(b.repositoryName))
      .map((repository): EksCheck => {
        const name = repository.repositoryName;
        const resource = { kind: 'ecr-repository', name };
        const question = `which IAM principals can push or delete images in ${name} (identity policies with ecr:PutImage, ecr:BatchDeleteImage or ecr:*)? Only the CI role and registry administrators should.`;
        const policy = evidence.repositoryPolicies.get(name);
        if (!policy) return verdict('manual', `repository policy of ${name} not collected (aws ecr get-repository-policy --repository-name ${name}); ${question}`, { resource });
        if (policy.state === 'error') return { ...missing(policy, `who can access ${name}`), resource };
        if (policy.state === 'absent') return { ...missing(policy, `who can access ${name}`), resource };
        if (policy.value === null) return verdict('manual', `repository ${name} has no repository policy, so only IAM identity policies grant access: ${question}`, { resource });
        const open = openStatements(policy.value);
        if (open === undefined) return verdict('error', `the repository policy of ${name} is not valid JSON`, { resource });
        if (open.length > 0) return verdict('fail', `the repository policy of ${name} allows ${open.join('; ')} to any principal ("*") without a Condition`, { resource });
        return verdict('manual', `the repository policy of ${name} grants nothing to "*"; ${question}`, { resource });
      });
  },
};

/** The actions of Allow statements whose principal is everyone and that carry no Condition. */
function openStatements(policyText: string): string[] | undefined {
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return undefined;
  }
  if (!isRecord(policy)) return undefined;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const open: string[] = [];
  for (const statement of statements) {
    if (!isRecord(statement) || statement.Effect !== 'Allow' || statement.Condition !== undefined) continue;
    const principal = statement.Principal;
    const everyone = principal === '*' || (isRecord(principal) && [principal.AWS].flat().includes('*'));
    if (!everyone) continue;
    open.push([statement.Action].flat().map(String).join(', ') || '(no action)');
  }
  return open;
}
