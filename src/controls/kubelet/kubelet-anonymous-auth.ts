import { cisEks } from '../../frameworks/cis-eks.js';
import { cis, stig } from '../../frameworks/refs.js';
import { isFalse } from '../component-flag.js';
import { explicitSettingControl } from './explicit-setting.js';

/** CIS 4.2.1, STIG V-242391: both texts require the setting to be present and false. */
export const kubeletAnonymousAuth = explicitSettingControl({
  id: 'kubelet-anonymous-auth',
  title: 'The kubelet must disable anonymous authentication',
  severity: 'high',
  component: 'kubelet',
  flag: 'anonymous-auth',
  field: 'authentication.anonymous.enabled',
  expect: isFalse(),
  fix: 'set authentication: anonymous: enabled: false (or --anonymous-auth=false)',
  rationale:
    'With anonymous authentication on, any request to the kubelet API (port 10250) without credentials is served as system:anonymous: it can list pods and, with weak authorization, exec into them.',
  refs: [...cis('4.2.1'), ...stig('V-242391'), ...cisEks('3.2.1')],
});
