import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { clusterControl, verdict } from './eks-evidence.js';

export const eksEndpointPrivate = clusterControl(
  {
    id: 'eks-endpoint-private',
    title: 'The EKS API must have private endpoint access enabled and public access disabled',
    severity: 'medium',
    family: 'eks',
    rationale:
      'With the public endpoint disabled an attacker must already be on the cluster\'s VPC network to reach the Kubernetes API at all, and cannot even learn its version from outside. A public endpoint, even restricted to CIDRs, is still reachable from the internet.',
    remediation:
      'aws eks update-cluster-config --name CLUSTER --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false (reach the API through a VPN, Direct Connect or a bastion in the VPC). If public access is required, waive this control with the reason and keep eks-endpoint-access-restricted passing.',
    refs: [...eksCacRule('endpoint_configuration'), ...cisEks('5.4.2')],
  },
  (cluster) => {
    const vpc = cluster.resourcesVpcConfig;
    if (!vpc || typeof vpc.endpointPublicAccess !== 'boolean' || typeof vpc.endpointPrivateAccess !== 'boolean') {
      return verdict('error', 'describe-cluster output has no resourcesVpcConfig.endpointPublicAccess/endpointPrivateAccess; the endpoint configuration cannot be read');
    }
    const problems = [
      ...(vpc.endpointPrivateAccess ? [] : ['private endpoint access is disabled']),
      ...(vpc.endpointPublicAccess ? [`public endpoint access is enabled (publicAccessCidrs: ${(vpc.publicAccessCidrs ?? ['0.0.0.0/0']).join(', ')})`] : []),
    ];
    return problems.length === 0
      ? verdict('pass', 'private endpoint access is enabled and public endpoint access is disabled')
      : verdict('fail', problems.join('; '));
  },
);
