import { cis } from '../../frameworks/refs.js';
import { flagControl, isTrue } from '../component-flag.js';

/** CIS 4.2.14 (from v1.11). */
export const kubeletSeccompDefault = flagControl({
  id: 'kubelet-seccomp-default',
  title: 'The kubelet must apply the RuntimeDefault seccomp profile by default',
  severity: 'medium',
  component: 'kubelet',
  flag: 'seccomp-default',
  expect: isTrue(),
  fix: 'set seccompDefault: true (or --seccomp-default)',
  rationale: 'Without it, containers that do not ask for a seccomp profile run unconfined, with every system call available.',
  refs: [...cis({ '1.11': '4.2.14' })],
});
