import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { clusterControl, verdict } from './eks-evidence.js';

export const eksAuditLogging = clusterControl(
  {
    id: 'eks-audit-logging',
    title: 'EKS control plane audit logs must be enabled',
    severity: 'medium',
    family: 'eks',
    rationale:
      'The Kubernetes audit log records who did what through the API server. On EKS it exists only when the `audit` control plane log type is enabled, which sends it to CloudWatch Logs; without it a cluster security event leaves no API trail.',
    remediation:
      'aws eks update-cluster-config --name CLUSTER --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\' (keep the other enabled types in the list), then set a retention on the /aws/eks/CLUSTER/cluster log group.',
    refs: [...eksCacRule('audit_logging'), ...cisEks('2.1.1')],
  },
  (cluster) => {
    const entries = cluster.logging?.clusterLogging;
    if (!entries) return verdict('fail', 'describe-cluster shows no logging configuration: no control plane log type is enabled');
    const enabled = entries.filter((entry) => entry.enabled === true).flatMap((entry) => entry.types ?? []);
    if (enabled.includes('audit')) return verdict('pass', `control plane log type "audit" is enabled (enabled: ${enabled.join(', ')})`);
    return verdict(
      'fail',
      `control plane log type "audit" is not enabled (${enabled.length > 0 ? `enabled: ${enabled.join(', ')}` : 'no log type is enabled'})`,
    );
  },
);
