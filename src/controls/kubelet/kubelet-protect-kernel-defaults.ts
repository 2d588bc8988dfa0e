import { stig } from '../../frameworks/refs.js';
import { flagControl, isTrue } from '../component-flag.js';

/** STIG V-242434 (CIS dropped the item from 1.7). */
export const kubeletProtectKernelDefaults = flagControl({
  id: 'kubelet-protect-kernel-defaults',
  title: 'The kubelet must protect kernel defaults',
  severity: 'high',
  component: 'kubelet',
  flag: 'protect-kernel-defaults',
  expect: isTrue(),
  fix: 'set the kernel parameters the kubelet expects (vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10, kernel.panic_on_oops=1) with sysctl, then set protectKernelDefaults: true (or --protect-kernel-defaults=true)',
  rationale: 'With it, the kubelet refuses to start when kernel tunables differ from what it needs instead of silently changing them.',
  refs: [...stig('V-242434')],
});
