import type { EksCheck } from '../control.js';
import { asArray, asRecord, type SourcedObject } from '../../evidence/kube-object.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { kubernetesControl, verdict } from './eks-evidence.js';

const SSL_CERT = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert';
const SSL_PORTS = 'service.beta.kubernetes.io/aws-load-balancer-ssl-ports';
const ALB_CERT = 'alb.ingress.kubernetes.io/certificate-arn';
const ALB_LISTEN_PORTS = 'alb.ingress.kubernetes.io/listen-ports';
const ALB_SSL_REDIRECT = 'alb.ingress.kubernetes.io/ssl-redirect';

export const eksLoadBalancerTls = kubernetesControl(
  {
    id: 'eks-load-balancer-tls',
    title: 'Load balancers in front of EKS workloads must terminate TLS',
    severity: 'medium',
    family: 'eks',
    rationale:
      'Traffic between users and a workload crosses networks nobody in the cluster controls; without TLS on the load balancer listener it can be read and changed on the way.',
    remediation:
      'For a LoadBalancer Service, annotate service.beta.kubernetes.io/aws-load-balancer-ssl-cert: <ACM certificate ARN> (and aws-load-balancer-ssl-ports listing every port, or "*"). For an ALB Ingress, set alb.ingress.kubernetes.io/certificate-arn (or spec.tls), listen-ports \'[{"HTTPS":443}]\' and, if port 80 stays open, alb.ingress.kubernetes.io/ssl-redirect: "443". For other Ingress controllers, add spec.tls.',
    refs: [...eksCacRule('configure_tls'), ...cisEks('5.4.5')],
  },
  (objects) => {
    const checks: EksCheck[] = [];
    for (const sourced of objects) {
      if (sourced.object.kind === 'Service' && asRecord(sourced.object.spec).type === 'LoadBalancer') checks.push(serviceTls(sourced));
      else if (sourced.object.kind === 'Ingress') checks.push(ingressTls(sourced));
    }
    if (checks.length === 0) return [verdict('not-applicable', 'the Kubernetes objects given include no LoadBalancer Service and no Ingress')];
    return checks;
  },
);

function serviceTls(sourced: SourcedObject): EksCheck {
  const annotations = sourced.object.metadata?.annotations ?? {};
  const ports = asArray(asRecord(sourced.object.spec).ports).map((p) => asRecord(p));
  const portLabel = (p: Record<string, unknown>) => String(p.name ?? p.port);
  const about = { object: sourced };
  const cert = annotations[SSL_CERT];
  if (cert) {
    const sslPorts = (annotations[SSL_PORTS] ?? '*').split(',').map((s) => s.trim());
    const plain = sslPorts.includes('*') ? [] : ports.filter((p) => !sslPorts.includes(String(p.port)) && !sslPorts.includes(String(p.name)));
    if (plain.length > 0) return verdict('fail', `LoadBalancer Service terminates TLS (${SSL_CERT}) but not on port(s) ${plain.map(portLabel).join(', ')} (${SSL_PORTS}: ${sslPorts.join(',')})`, { ...about, path: ['metadata', 'annotations', SSL_PORTS] });
    return verdict('pass', `LoadBalancer Service terminates TLS with ${cert}`, { ...about, path: ['metadata', 'annotations', SSL_CERT] });
  }
  if (ports.length > 0 && ports.every((p) => p.port === 443)) {
    return verdict('manual', 'LoadBalancer Service passes port 443 through without a load balancer certificate: does the workload behind it terminate TLS itself?', { ...about, path: ['spec', 'ports'] });
  }
  return verdict('fail', `LoadBalancer Service listens on ${ports.map((p) => p.port).join(', ') || 'its ports'} without TLS: no ${SSL_CERT} annotation`, { ...about, path: ['spec', 'ports'] });
}

function ingressTls(sourced: SourcedObject): EksCheck {
  const annotations = sourced.object.metadata?.annotations ?? {};
  const spec = asRecord(sourced.object.spec);
  const about = { object: sourced };
  const hasTlsSection = asArray(spec.tls).length > 0;
  const isAlb = spec.ingressClassName === 'alb' || annotations['kubernetes.io/ingress.class'] === 'alb' || Object.keys(annotations).some((k) => k.startsWith('alb.ingress.kubernetes.io/'));
  if (!isAlb) {
    return hasTlsSection
      ? verdict('pass', 'Ingress terminates TLS (spec.tls)', { ...about, path: ['spec', 'tls'] })
      : verdict('fail', 'Ingress has no spec.tls: it serves plain HTTP', about);
  }
  let listeners: string[] = ['HTTP'];
  if (annotations[ALB_LISTEN_PORTS]) {
    try {
      listeners = asArray(JSON.parse(annotations[ALB_LISTEN_PORTS]!)).flatMap((l) => Object.keys(asRecord(l)));
    } catch {
      return verdict('error', `${ALB_LISTEN_PORTS} is not valid JSON: "${annotations[ALB_LISTEN_PORTS]}"`, { ...about, path: ['metadata', 'annotations', ALB_LISTEN_PORTS] });
    }
  } else if (annotations[ALB_CERT] || hasTlsSection) {
    listeners = ['HTTP', 'HTTPS']; // the AWS Load Balancer Controller's default when a certificate is set
  }
  const https = listeners.includes('HTTPS') && (annotations[ALB_CERT] !== undefined || hasTlsSection);
  if (!https) return verdict('fail', 'ALB Ingress has no HTTPS listener with a certificate (alb.ingress.kubernetes.io/certificate-arn or spec.tls)', about);
  if (listeners.includes('HTTP') && !annotations[ALB_SSL_REDIRECT]) {
    return verdict('fail', `ALB Ingress also serves plain HTTP without ${ALB_SSL_REDIRECT}`, { ...about, path: ['metadata', 'annotations'] });
  }
  return verdict('pass', `ALB Ingress terminates TLS${listeners.includes('HTTP') ? ' and redirects HTTP to HTTPS' : ''}`, about);
}
