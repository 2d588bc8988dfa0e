import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.3 */
export const apiserverAdmissionDenyServiceExternalIps = admissionPluginControl({
  id: 'apiserver-admission-deny-service-external-ips',
  title: 'The DenyServiceExternalIPs admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'DenyServiceExternalIPs',
  expect: 'enabled',
  fix: 'add DenyServiceExternalIPs to --enable-admission-plugins',
  rationale:
    'Without it any user who can create a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).',
  refs: [...cis('1.2.3')],
});
