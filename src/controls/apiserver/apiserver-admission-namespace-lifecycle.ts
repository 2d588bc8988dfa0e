import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.14 (v1.7+), 1.2.13 (v1.9+) */
export const apiserverAdmissionNamespaceLifecycle = admissionPluginControl({
  id: 'apiserver-admission-namespace-lifecycle',
  title: 'The NamespaceLifecycle admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'NamespaceLifecycle',
  expect: 'enabled',
  fix: 'remove NamespaceLifecycle from --disable-admission-plugins',
  rationale:
    'NamespaceLifecycle rejects objects in namespaces that do not exist or are being deleted and protects kube-system, default and kube-public from deletion.',
  refs: [...cis({ '1.7': '1.2.14', '1.9': '1.2.13' })],
});
