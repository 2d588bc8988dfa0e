import { serviceAccountTokenAutomount } from '../../../src/controls/rbac/service-account-token-automount.js';
import { testControl } from '../../control-tester.js';

const sa = (name: string, automount?: boolean) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: shop}\n${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;
const deployment = (podSpecExtra: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
${podSpecExtra}      containers:
      - {name: app, image: "nginx:1.27"}
`;

testControl(serviceAccountTokenAutomount, [
  {
    name: 'the pod spec opting out passes whatever the account says',
    yaml: `${deployment('      serviceAccountName: web\n      automountServiceAccountToken: false\n')}---\n${sa('web', true)}`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', line: 8 }],
  },
  {
    name: 'the account opting out passes when the pod does not say',
    yaml: `${deployment('      serviceAccountName: web\n')}---\n${sa('web', false)}`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', message: /ServiceAccount shop\/web sets automountServiceAccountToken: false \(case\.yaml:14\)/ }],
  },
  {
    name: 'the pod saying true overrides the account',
    yaml: `${deployment('      serviceAccountName: web\n      automountServiceAccountToken: true\n')}---\n${sa('web', false)}`,
    expect: [{ status: 'fail', subject: 'Deployment shop/web', line: 8 }],
  },
  {
    name: 'neither says: mounted; an unseen account is said so',
    yaml: `${deployment('')}---\n${deployment('      serviceAccountName: builder\n').replace('name: web', 'name: job')}---\n${sa('default')}`,
    expect: [
      { status: 'fail', subject: 'Deployment shop/web', message: /neither the pod spec nor ServiceAccount shop\/default/ },
      { status: 'fail', subject: 'Deployment shop/job', message: /ServiceAccount shop\/builder is not among the scanned objects/ },
    ],
  },
]);
