import { cisEks } from '../../frameworks/cis-eks.js';
import { cis } from '../../frameworks/refs.js';
import { flagControl, isTrue } from '../component-flag.js';

/** CIS 4.2.6: true, or unset (the default is true). */
export const kubeletMakeIptablesUtilChains = flagControl({
  id: 'kubelet-make-iptables-util-chains',
  title: 'The kubelet must manage its iptables utility chains',
  severity: 'medium',
  component: 'kubelet',
  flag: 'make-iptables-util-chains',
  expect: isTrue(),
  fix: 'set makeIPTablesUtilChains: true (or remove --make-iptables-util-chains=false)',
  rationale: 'With the kubelet managing its iptables chains, pod networking rules stay in step with pod configuration instead of drifting from it.',
  refs: [...cis('4.2.6'), ...cisEks('3.2.6')],
});
