import { serviceAccountAutomount } from '../../../src/controls/rbac/service-account-automount.js';
import { testControl } from '../../control-tester.js';

const sa = (name: string, automount?: boolean) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: shop}\n${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;
const deployment = (name: string, podSpecExtra: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  template:
    spec:
${podSpecExtra}      containers:
      - {name: app, image: "nginx:1.27"}
`;

testControl(serviceAccountAutomount, [
  {
    name: 'an account that opts out passes at its field',
    yaml: `${sa('web', false)}---\n${deployment('web', '      serviceAccountName: web\n')}`,
    expect: [{ status: 'pass', subject: 'ServiceAccount shop/web', line: 4 }],
  },
  {
    name: 'an account whose pods leave the choice to it fails, naming them',
    yaml: `${sa('web')}---\n${deployment('web', '      serviceAccountName: web\n')}---\n${deployment('api', '      serviceAccountName: web\n      automountServiceAccountToken: false\n')}`,
    expect: [{ status: 'fail', subject: 'ServiceAccount shop/web', line: 1, message: /mounted into 1 workload\(s\) that do not set it themselves: Deployment shop\/web \(case\.yaml:5\)$/ }],
  },
  {
    name: 'true on the account, with every pod deciding for itself, passes; default accounts are left to default-service-account-automount',
    yaml: `${sa('builder', true)}---\n${sa('default')}---\n${deployment('job', '      serviceAccountName: builder\n      automountServiceAccountToken: true\n')}`,
    expect: [{ status: 'pass', subject: 'ServiceAccount shop/builder', line: 4, message: /no workload among the scanned objects leaves the choice to it/ }],
  },
]);
