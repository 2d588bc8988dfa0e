import { cis, stig } from '../../frameworks/refs.js';
import { absent, flagControl } from '../component-flag.js';

/** CIS 4.2.7, STIG V-242404: the setting must not be present at all. */
export const kubeletHostnameOverride = flagControl({
  id: 'kubelet-hostname-override',
  title: 'The kubelet must not override the node hostname',
  severity: 'medium',
  component: 'kubelet',
  flag: 'hostname-override',
  expect: absent(),
  fix: 'remove --hostname-override from the kubelet flags (its systemd drop-in or environment file)',
  rationale: 'Overriding the hostname can break TLS between the kubelet and the API server, whose certificates name the node, and lets a node claim another node\'s name.',
  refs: [...cis('4.2.7'), ...stig('V-242404')],
});
