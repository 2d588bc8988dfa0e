import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.13 (v1.7+), 1.2.12 (v1.9+) */
export const apiserverAdmissionServiceAccount = admissionPluginControl({
  id: 'apiserver-admission-service-account',
  title: 'The ServiceAccount admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'ServiceAccount',
  expect: 'enabled',
  fix: 'remove ServiceAccount from --disable-admission-plugins',
  rationale:
    'The ServiceAccount plugin gives every Pod a service account and makes sure the one it names exists; without it Pods can reference arbitrary accounts and token handling is not enforced.',
  refs: [...cis({ '1.7': '1.2.13', '1.9': '1.2.12' })],
});
