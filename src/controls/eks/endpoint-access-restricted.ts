import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { clusterControl, verdict } from './eks-evidence.js';

/** The publicAccessCidrs AWS applies when none are given. */
const AWS_DEFAULT_PUBLIC_CIDRS = ['0.0.0.0/0'];

export const eksEndpointAccessRestricted = clusterControl(
  {
    id: 'eks-endpoint-access-restricted',
    title: 'The EKS API endpoint must be private, or public only to allow-listed CIDRs',
    severity: 'high',
    family: 'eks',
    rationale:
      'A public API endpoint open to 0.0.0.0/0 lets anyone on the internet probe the Kubernetes API and try stolen credentials. Private endpoint access keeps node and in-VPC traffic inside the VPC; public access, where it is needed at all, must be limited to the networks of the people who administer the cluster.',
    remediation:
      'aws eks update-cluster-config --name CLUSTER --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false — or, where public access is required, endpointPrivateAccess=true,publicAccessCidrs="203.0.113.0/24" with your own ranges (never 0.0.0.0/0).',
    refs: [...eksCacRule('control_plane_access'), ...cisEks('5.4.1')],
  },
  (cluster) => {
    const vpc = cluster.resourcesVpcConfig;
    if (!vpc || typeof vpc.endpointPublicAccess !== 'boolean') {
      return verdict('error', 'describe-cluster output has no resourcesVpcConfig.endpointPublicAccess; the endpoint configuration cannot be read');
    }
    const privateAccess = vpc.endpointPrivateAccess === true;
    if (!vpc.endpointPublicAccess) {
      return verdict(privateAccess ? 'pass' : 'fail', privateAccess
        ? 'the public endpoint is disabled; the API is reachable only through the private endpoint in the VPC'
        : 'neither endpoint is enabled in describe-cluster output (endpointPrivateAccess is not true)');
    }
    const cidrs = vpc.publicAccessCidrs && vpc.publicAccessCidrs.length > 0 ? vpc.publicAccessCidrs : AWS_DEFAULT_PUBLIC_CIDRS;
    const open = cidrs.filter((cidr) => /\/0$/.test(cidr.trim()));
    if (open.length > 0) return verdict('fail', `the public endpoint is open to ${open.join(', ')} (publicAccessCidrs: ${cidrs.join(', ')})`);
    if (!privateAccess) {
      return verdict('fail', `private endpoint access is disabled: nodes and in-VPC clients reach the API over the public endpoint (restricted to ${cidrs.join(', ')})`);
    }
    return verdict('pass', `private endpoint access is enabled and the public endpoint is restricted to ${cidrs.join(', ')}`);
  },
);
