import type { WorkloadControl } from '../control.js';
import { stig } from '../../frameworks/refs.js';
import { isSystemNamespace, nameOf, namespaceOf } from '../../evidence/inventory.js';

/**
 * Workloads Kubernetes distributions and their standard add-ons run in kube-system (name prefixes):
 * control plane, DNS, kube-proxy, CNI and CSI node agents, cloud controllers, metrics-server.
 */
const SYSTEM_COMPONENTS: readonly string[] = [
  'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kube-proxy', 'coredns', 'kube-dns',
  'metrics-server', 'calico-', 'cilium', 'hubble-', 'kube-flannel', 'weave-net', 'canal', 'aws-node', 'kube-router',
  'ebs-csi-', 'efs-csi-', 'azure-', 'csi-', 'gce-pd-csi', 'pdcsi-', 'konnectivity-agent', 'cloud-controller-manager',
  'aws-cloud-controller-manager', 'cluster-autoscaler', 'kube-vip', 'nodelocaldns', 'node-local-dns', 'dns-autoscaler',
  'snapshot-controller', 'local-path-provisioner', 'traefik', 'svclb-', 'helm-install-', 'tigera-', 'eks-pod-identity-agent',
];

/** STIG V-242417: "If any user pods are present in the Kubernetes system namespaces, this is a finding." */
export const systemNamespaceWorkloads: WorkloadControl = {
  id: 'system-namespace-workloads',
  title: 'User workloads do not run in Kubernetes system namespaces',
  severity: 'medium',
  family: 'network',
  rationale:
    'kube-system, kube-public and kube-node-lease belong to the control plane; user pods there share its service accounts, secrets and exemptions from policy.',
  remediation: 'Move user workloads to namespaces of their own (kube-system, kube-public and kube-node-lease are for Kubernetes components only).',
  refs: [...stig('V-242417')],
  scope: 'workload',
  evaluate(workload) {
    const namespace = namespaceOf(workload.object)?.namespace ?? 'default';
    if (!isSystemNamespace(namespace)) return [{ status: 'pass', message: `runs in namespace ${namespace}` }];
    const name = nameOf(workload.object);
    if (namespace === 'kube-system' && SYSTEM_COMPONENTS.some((prefix) => name.startsWith(prefix))) {
      return [{ status: 'pass', message: `${name} is a known Kubernetes system component in kube-system` }];
    }
    if (namespace !== 'kube-system') {
      return [{ status: 'fail', message: `runs in ${namespace}, which holds no workloads in a Kubernetes cluster`, path: ['metadata', 'namespace'] }];
    }
    return [{
      status: 'manual',
      message: `${name} runs in kube-system and is not a known system component: confirm it belongs to the platform, or move it to its own namespace`,
      path: ['metadata', 'namespace'],
    }];
  },
};
