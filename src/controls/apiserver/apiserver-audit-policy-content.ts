import { asArray, isRecord } from '../../evidence/kube-object.js';
import { fileContentControl } from '../component-flag.js';
import type { Check } from '../control.js';
import { stig } from '../../frameworks/refs.js';

/** Rule fields that narrow what a rule matches; a rule with none of them matches every request. */
const SELECTORS = ['users', 'userGroups', 'verbs', 'resources', 'namespaces', 'nonResourceURLs'];

/**
 * STIG V-242403: "The policy file must look like this: rules: - level: RequestResponse". The first
 * rule that matches a request decides its level, so the catch-all RequestResponse rule must be
 * reached: no earlier rule may drop requests (level None).
 */
export function auditPolicyVerdict(content: unknown, path: string): Pick<Check, 'status' | 'message'> {
  if (!isRecord(content) || content.kind !== 'Policy') return { status: 'fail', message: `${path} is not an audit Policy` };
  const rules = asArray(content.rules).filter(isRecord);
  const catchAll = rules.findIndex((rule) => SELECTORS.every((field) => asArray(rule[field]).length === 0));
  if (catchAll < 0) return { status: 'fail', message: `${path} has no rule that matches every request; requests outside its rules are not audited` };
  const level = String(rules[catchAll]!.level);
  if (level !== 'RequestResponse') return { status: 'fail', message: `${path}'s catch-all rule (rule ${catchAll + 1}) logs at level ${level}; the STIG requires RequestResponse` };
  const dropped = rules.slice(0, catchAll).findIndex((rule) => rule.level === 'None');
  if (dropped >= 0) return { status: 'fail', message: `${path} rule ${dropped + 1} (level None) stops some requests from being audited before the RequestResponse catch-all` };
  return { status: 'pass', message: `${path} logs every request at level RequestResponse` };
}

export const apiserverAuditPolicyContent = fileContentControl({
  id: 'apiserver-audit-policy-content',
  title: 'The audit policy must log every request at the RequestResponse level',
  severity: 'medium',
  component: 'kube-apiserver',
  flag: 'audit-policy-file',
  judgeContent: auditPolicyVerdict,
  fix: 'end the audit Policy given by --audit-policy-file with a catch-all rule "- level: RequestResponse" and no earlier level None rule',
  remediation:
    'Edit the audit Policy file named by --audit-policy-file (see /etc/kubernetes/manifests/kube-apiserver.yaml) so that it ends with a catch-all rule "- level: RequestResponse" and no earlier rule uses level None, then restart the API server.',
  rationale:
    'The audit policy decides what is recorded; the STIG requires request and response bodies of every request, so that an investigation can see what was changed and read.',
  refs: [...stig('V-242403')],
});
