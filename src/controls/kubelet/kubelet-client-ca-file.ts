import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { cis, stig } from '../../frameworks/refs.js';
import { flagControl, present } from '../component-flag.js';

/** CIS 4.2.3, STIG V-242420. */
export const kubeletClientCaFile = flagControl({
  id: 'kubelet-client-ca-file',
  title: 'The kubelet must verify client certificates against a client CA file',
  severity: 'medium',
  component: 'kubelet',
  flag: 'client-ca-file',
  expect: present(),
  fix: 'set authentication: x509: clientCAFile: /etc/kubernetes/pki/ca.crt (or --client-ca-file)',
  rationale: 'Without a client CA the kubelet cannot authenticate the API server\'s client certificate, so connections to the kubelet cannot be tied to a verified identity.',
  refs: [...cis('4.2.3'), ...stig('V-242420'), ...cisEks('3.2.3'), ...eksCacRule('kubelet_configure_client_ca')],
});
