import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.10 */
export const apiserverAdmissionAlwaysAdmit = admissionPluginControl({
  id: 'apiserver-admission-always-admit',
  title: 'The AlwaysAdmit admission plugin must not be enabled',
  severity: 'high',
  component: 'kube-apiserver',
  plugin: 'AlwaysAdmit',
  expect: 'disabled',
  fix: 'remove AlwaysAdmit from --enable-admission-plugins',
  rationale:
    'AlwaysAdmit admits every request, bypassing what admission control is meant to enforce; it is deprecated.',
  refs: [...cis('1.2.10')],
});
