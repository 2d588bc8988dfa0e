import { cisEks } from '../../frameworks/cis-eks.js';
import { effectiveSetting } from '../../evidence/component-config/config.js';
import { cis } from '../../frameworks/refs.js';
import { componentControl, isTrue, judgeFlag } from '../component-flag.js';
import { unreadConfigCheck } from './explicit-setting.js';

/**
 * CIS 4.2.10 "not set to false": the audit accepts the setting being absent ("Verify that the
 * RotateCertificate argument is not present, or is set to true"), so unset passes, as the
 * benchmark says, with the kubelet's default named in the message.
 */
export const kubeletRotateCertificates = componentControl(
  {
    id: 'kubelet-rotate-certificates',
    title: 'The kubelet must not disable client certificate rotation',
    severity: 'medium',
    component: 'kubelet',
    fix: 'set rotateCertificates: true (or remove --rotate-certificates=false)',
    rationale: 'With rotation off, the kubelet\'s client certificate expires and the node drops out, or long-lived certificates stay valid after compromise.',
    refs: [...cis('4.2.10'), ...cisEks('3.2.8')],
  },
  (config) => {
    const effective = effectiveSetting(config, 'rotate-certificates');
    if (effective.state === 'set') return [judgeFlag(config, 'rotate-certificates', isTrue())];
    const unread = unreadConfigCheck(config, 'rotate-certificates', 'rotateCertificates');
    if (unread) return [unread];
    const fallback = effective.state === 'default' ? `; the kubelet default is ${String(effective.value)}` : '';
    return [{ status: 'pass', message: `rotateCertificates / --rotate-certificates is not set, which CIS 4.2.10 accepts${fallback}` }];
  },
);
