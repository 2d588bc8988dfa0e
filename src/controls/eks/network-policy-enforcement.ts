import type { EksCheck, EksControl } from '../control.js';
import type { EksEvidence } from '../../evidence/eks.js';
import { asArray, asRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { workloadOf } from '../../evidence/workload.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { verdict } from './eks-evidence.js';

/** DaemonSets of network plugins that enforce NetworkPolicy whenever they run. */
const ENFORCING_DAEMONSETS: Record<string, string> = {
  'calico-node': 'Calico',
  cilium: 'Cilium',
  'antrea-agent': 'Antrea',
  'kube-router': 'kube-router',
  'weave-net': 'Weave Net',
};

export const eksNetworkPolicyEnforcement: EksControl = {
  id: 'eks-network-policy-enforcement',
  title: 'EKS must run a network plugin that enforces NetworkPolicy',
  severity: 'medium',
  family: 'eks',
  rationale:
    'NetworkPolicy objects do nothing unless a network plugin enforces them. The Amazon VPC CNI enforces them only with its network policy agent enabled; otherwise Calico, Cilium or another enforcing plugin must run. Without one, every pod can reach every other pod whatever the policies say.',
  remediation:
    'Enable the VPC CNI network policy agent: aws eks update-addon --cluster-name CLUSTER --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\' (VPC CNI 1.14+), or install Calico or Cilium in policy mode.',
  refs: [...eksCacRule('configure_network_policy'), ...cisEks('5.4.4'), ...cisEks('4.3.1')],
  scope: 'eks',
  evaluate(evidence) {
    const addon = vpcCniAddon(evidence);
    if (addon.enabled) return [verdict('pass', `the vpc-cni add-on enables its network policy agent (${addon.detail})`)];
    if (evidence.kubernetes.state !== 'present') {
      const known = addon.detail ? ` (${addon.detail})` : '';
      return [
        verdict(
          evidence.kubernetes.state === 'error' ? 'error' : 'manual',
          `is a NetworkPolicy-enforcing plugin running in cluster ${evidence.clusterName}${known}: the VPC CNI network policy agent (aws-node container aws-network-policy-agent with --enable-network-policy=true), Calico or Cilium? Add the kube-system DaemonSets (kubectl get ds -n kube-system -o yaml) or scan with --with-cluster to decide`,
        ),
      ];
    }
    return [daemonSetVerdict(evidence.kubernetes.value, addon.detail)];
  },
};

function vpcCniAddon(evidence: EksEvidence): { enabled: boolean; detail: string } {
  const addon = evidence.addons.get('vpc-cni');
  if (!addon || addon.state !== 'present') return { enabled: false, detail: '' };
  let config: Record<string, unknown> = {};
  try {
    config = asRecord(JSON.parse(addon.value.configurationValues || '{}'));
  } catch {
    // YAML configuration values: look for the key textually below
  }
  const raw = addon.value.configurationValues ?? '';
  const enabled = String(config.enableNetworkPolicy) === 'true' || /enableNetworkPolicy["']?\s*:\s*["']?true/.test(raw);
  return { enabled, detail: `vpc-cni add-on ${addon.value.addonVersion ?? ''} ${enabled ? 'with' : 'without'} enableNetworkPolicy`.replace(/\s+/g, ' ') };
}

function daemonSetVerdict(objects: SourcedObject[], addonDetail: string): EksCheck {
  const daemonSets = objects.filter((o) => o.object.kind === 'DaemonSet');
  for (const sourced of daemonSets) {
    const name = sourced.object.metadata?.name ?? '';
    const plugin = ENFORCING_DAEMONSETS[name];
    if (plugin) return verdict('pass', `${plugin} runs (DaemonSet ${sourced.object.metadata?.namespace ?? ''}/${name}) and enforces NetworkPolicy`, { object: sourced });
  }
  const awsNode = daemonSets.find((d) => d.object.metadata?.name === 'aws-node' && d.object.metadata?.namespace === 'kube-system');
  if (awsNode) {
    const agent = workloadOf(awsNode)?.containers.find((c) => c.name === 'aws-network-policy-agent');
    const args = agent ? asArray(agent.spec.args).map(String) : [];
    const flag = args.find((a) => a.startsWith('--enable-network-policy='));
    if (flag === '--enable-network-policy=true') {
      return verdict('pass', 'the VPC CNI network policy agent is enabled (aws-node container aws-network-policy-agent, --enable-network-policy=true)', { object: awsNode, path: agent!.path });
    }
    const why = agent ? `its aws-network-policy-agent container runs with ${flag ?? 'no --enable-network-policy flag (default false)'}` : 'it has no aws-network-policy-agent container (VPC CNI before 1.14)';
    return verdict('fail', `no plugin enforces NetworkPolicy: aws-node (the VPC CNI) is the network plugin and ${why}${addonDetail ? `; ${addonDetail}` : ''}; no Calico, Cilium or other enforcing DaemonSet was seen`, { object: awsNode, path: agent?.path });
  }
  return verdict(
    'manual',
    `the Kubernetes objects given include no aws-node, Calico or Cilium DaemonSet: which network plugin runs in kube-system, and does it enforce NetworkPolicy? (kubectl get ds -n kube-system -o yaml)`,
  );
}
