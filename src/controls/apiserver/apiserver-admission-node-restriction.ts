import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.15 (v1.7+), 1.2.14 (v1.9+) */
export const apiserverAdmissionNodeRestriction = admissionPluginControl({
  id: 'apiserver-admission-node-restriction',
  title: 'The NodeRestriction admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'NodeRestriction',
  expect: 'enabled',
  fix: 'add NodeRestriction to --enable-admission-plugins',
  rationale:
    'NodeRestriction limits what a kubelet may change to its own Node object and the Pods bound to it, so a compromised node cannot relabel other nodes or steer workloads.',
  refs: [...cis({ '1.7': '1.2.15', '1.9': '1.2.14' })],
});
