import { flagControl, present } from '../component-flag.js';
import { nsaCisa, stig } from '../../frameworks/refs.js';

/** STIG V-254800 */
export const apiserverAdmissionControlConfigFile = flagControl({
  id: 'apiserver-admission-control-config-file',
  title: 'The API server must have an admission configuration file (Pod Security Admission)',
  severity: 'high',
  component: 'kube-apiserver',
  flag: 'admission-control-config-file',
  expect: present(),
  fix: 'set --admission-control-config-file to an AdmissionConfiguration that configures the PodSecurity plugin with least-privilege defaults',
  rationale:
    'The admission configuration sets the cluster-wide Pod Security Admission defaults and exemptions; without it only namespace labels protect against privileged Pods.',
  refs: [...stig('V-254800'), ...nsaCisa('pod-security/enforcement-mechanism')],
});
