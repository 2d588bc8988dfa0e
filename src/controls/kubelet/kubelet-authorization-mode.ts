import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, stig } from '../../frameworks/refs.js';
import { equals } from '../component-flag.js';
import { explicitSettingControl } from './explicit-setting.js';

/**
 * CIS 4.2.2 "not AlwaysAllow", STIG V-242392 "Webhook": the kubelet knows only these two modes,
 * so both texts ask for Webhook, written in the flags or the config file.
 */
export const kubeletAuthorizationMode = explicitSettingControl({
  id: 'kubelet-authorization-mode',
  title: 'The kubelet must authorize requests through the API server (Webhook), not AlwaysAllow',
  severity: 'high',
  component: 'kubelet',
  flag: 'authorization-mode',
  field: 'authorization.mode',
  expect: equals('Webhook'),
  fix: 'set authorization: mode: Webhook (or --authorization-mode=Webhook)',
  rationale:
    'AlwaysAllow lets every authenticated caller use every kubelet endpoint (exec, logs, port-forward); Webhook asks the API server (SubjectAccessReview) for each request.',
  refs: [...cis('4.2.2'), ...stig('V-242392'), ...cisEks('3.2.2')],
});
