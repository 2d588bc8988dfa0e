import { namespacePodSecurityBaseline, namespacePodSecurityRestricted } from '../../../src/controls/network/pod-security-admission.js';
import { testControl } from '../../control-tester.js';

const ns = (name: string, labels = '') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels ? `  labels:\n${labels}` : ''}`;
const enforce = (level: string) => `    pod-security.kubernetes.io/enforce: ${level}\n    pod-security.kubernetes.io/enforce-version: v1.30\n`;
const KYVERNO = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: disallow-privileged-containers}
spec: {validationFailureAction: Enforce, rules: []}
`;

testControl(namespacePodSecurityBaseline, [
  {
    name: 'baseline and restricted pass with their labels reported; privileged and missing fail at the label',
    yaml: [ns('a', enforce('baseline')), ns('b', enforce('restricted')), ns('c', enforce('privileged')), ns('d')].join('---\n'),
    expect: [
      { status: 'pass', subject: 'Namespace a', line: 6, message: /enforce=baseline \(v1\.30\)/ },
      { status: 'pass', subject: 'Namespace b' },
      { status: 'fail', subject: 'Namespace c', message: /enforces only privileged/ },
      { status: 'fail', subject: 'Namespace d', message: /no enforce label/ },
    ],
  },
  {
    name: 'kube-system is exempt; a namespace with a policy engine present is left to a human',
    yaml: [ns('kube-system'), ns('shop'), KYVERNO].join('---\n'),
    expect: [
      { status: 'pass', subject: 'Namespace kube-system', message: /exempt/ },
      { status: 'manual', subject: 'Namespace shop', message: /Kyverno: 1 ClusterPolicy/ },
    ],
  },
  {
    name: 'a namespace whose Namespace object was not scanned has unknown labels',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: web}\nspec:\n  containers: [{name: c, image: "c:1"}]\n',
    expect: [{ status: 'manual', subject: 'Namespace web', message: /labels are unknown/ }],
  },
]);

testControl(namespacePodSecurityRestricted, [
  {
    name: 'only restricted passes',
    yaml: [ns('a', enforce('baseline')), ns('b', enforce('restricted'))].join('---\n'),
    expect: [
      { status: 'fail', subject: 'Namespace a', message: /must enforce at least restricted: enforces only baseline/ },
      { status: 'pass', subject: 'Namespace b' },
    ],
  },
  {
    name: 'a label value that is no level fails',
    yaml: ns('a', enforce('strict')),
    expect: [{ status: 'fail', subject: 'Namespace a', message: /"strict" is not a Pod Security level/ }],
  },
]);
