import { admissionPluginControl } from '../component-flag.js';
import { stig } from '../../frameworks/refs.js';

/** STIG V-242436 */
export const apiserverAdmissionValidatingWebhook = admissionPluginControl({
  id: 'apiserver-admission-validating-webhook',
  title: 'The ValidatingAdmissionWebhook admission plugin must be enabled',
  severity: 'high',
  component: 'kube-apiserver',
  plugin: 'ValidatingAdmissionWebhook',
  expect: 'enabled',
  fix: 'add ValidatingAdmissionWebhook to --enable-admission-plugins (and remove it from --disable-admission-plugins)',
  rationale:
    'Policy engines (Gatekeeper, Kyverno) and many security controls are validating webhooks; with the plugin off they are silently not called.',
  refs: [...stig('V-242436')],
});
