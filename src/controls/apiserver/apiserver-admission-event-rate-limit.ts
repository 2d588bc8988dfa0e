import { admissionPluginControl } from '../component-flag.js';
import { cis } from '../../frameworks/refs.js';

/** CIS 1.2.9 */
export const apiserverAdmissionEventRateLimit = admissionPluginControl({
  id: 'apiserver-admission-event-rate-limit',
  title: 'The EventRateLimit admission plugin must be enabled',
  severity: 'medium',
  component: 'kube-apiserver',
  plugin: 'EventRateLimit',
  expect: 'enabled',
  fix: 'add EventRateLimit to --enable-admission-plugins and configure its limits in the file given by --admission-control-config-file',
  rationale:
    'Without a limit on Event creation a misbehaving or malicious client can flood the API server and etcd with events.',
  refs: [...cis('1.2.9')],
});
