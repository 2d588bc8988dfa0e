import { cisEks } from '../../frameworks/cis-eks.js';
import { effectiveSetting } from '../../evidence/component-config/config.js';
import { displayValue, numberValue } from '../../evidence/component-config/values.js';
import { cis } from '../../frameworks/refs.js';
import { componentControl } from '../component-flag.js';
import { unreadConfigCheck } from './explicit-setting.js';

/**
 * CIS 4.2.8 asks for eventRecordQPS "at a level which ensures appropriate event capture": a
 * judgement. The value is reported for the assessor; a negative one is invalid and fails.
 */
export const kubeletEventQps = componentControl(
  {
    id: 'kubelet-event-qps',
    title: 'The kubelet event rate limit (eventRecordQPS) must allow appropriate event capture',
    severity: 'low',
    component: 'kubelet',
    fix: 'set eventRecordQPS to a rate that captures the events you need (0 removes the limit), or --event-qps',
    rationale: 'Events are part of the security record of a node; a limit set too low silently drops them.',
    refs: [...cis('4.2.8'), ...cisEks('3.2.7')],
  },
  (config) => {
    const effective = effectiveSetting(config, 'event-qps');
    const unread = effective.state === 'set' ? undefined : unreadConfigCheck(config, 'event-qps', 'eventRecordQPS');
    if (unread) return [unread];
    const location = effective.state === 'set' ? effective.setting.origin.location : undefined;
    const where = effective.state === 'set' ? 'is set to' : effective.state === 'default' ? 'is not set; the kubelet default is' : 'is not set; its default is not known for';
    const value = effective.state === 'unknown' ? 'this kubelet' : displayValue(effective.value);
    const n = effective.state === 'unknown' ? undefined : numberValue(effective.value);
    if (n !== undefined && n < 0) return [{ status: 'fail', message: `eventRecordQPS ${where} ${value}, which is not a valid rate`, ...(location ? { location } : {}) }];
    return [{ status: 'manual', message: `eventRecordQPS ${where} ${value}${n === 0 ? ' (no limit)' : ''}; confirm it captures the events you need`, ...(location ? { location } : {}) }];
  },
);
