import type { EksControl } from '../control.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { missing, verdict } from './eks-evidence.js';

export const eksFargateUntrustedWorkloads: EksControl = {
  id: 'eks-fargate-untrusted-workloads',
  title: 'Untrusted workloads should run on AWS Fargate',
  severity: 'low',
  family: 'eks',
  rationale:
    'Each Fargate pod runs in its own isolation boundary and shares no kernel, CPU, memory or network interface with another pod, so an untrusted workload that escapes its container reaches no neighbour.',
  remediation:
    'aws eks create-fargate-profile --cluster-name CLUSTER --fargate-profile-name untrusted --pod-execution-role-arn ROLE --subnets PRIVATE-SUBNETS --selectors namespace=untrusted — and run untrusted workloads only in the namespaces (and labels) its selectors match.',
  refs: [...eksCacRule('fargate')],
  scope: 'eks',
  evaluate(evidence) {
    // Which workloads are untrusted is the operator's knowledge: the verdict is always a question.
    if (evidence.fargateProfileNames.state !== 'present' && evidence.fargateProfiles.size === 0) {
      return [missing(evidence.fargateProfileNames, 'whether untrusted workloads run on Fargate')];
    }
    const names = new Set(evidence.fargateProfiles.keys());
    if (evidence.fargateProfileNames.state === 'present') for (const name of evidence.fargateProfileNames.value) names.add(name);
    if (names.size === 0) {
      return [verdict('manual', `cluster ${evidence.clusterName} has no Fargate profile: does it run untrusted (third-party, multi-tenant or internet-facing code) workloads? If so, give them a Fargate profile.`)];
    }
    return [...names].sort().map((name) => {
      const resource = { kind: 'fargate-profile', name };
      const profile = evidence.fargateProfiles.get(name);
      if (!profile || profile.state !== 'present') {
        return missing(profile ?? { state: 'absent', need: `\`aws eks describe-fargate-profile --cluster-name ${evidence.clusterName} --fargate-profile-name ${name}\` output` }, `what Fargate profile ${name} selects`, resource);
      }
      const selectors = (profile.value.selectors ?? [])
        .map((s) => `namespace ${s.namespace ?? '?'}${s.labels && Object.keys(s.labels).length > 0 ? ` with ${Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(',')}` : ''}`)
        .join('; ');
      return verdict('manual', `Fargate profile ${name} (${profile.value.status ?? 'status unknown'}) runs pods in ${selectors || 'no selector'}: does every untrusted workload match it, and no untrusted workload run on EC2 nodes?`, { resource });
    });
  },
};
