import { workloadServiceAccountExists } from '../../../src/controls/rbac/workload-service-account-exists.js';
import { testControl } from '../../control-tester.js';

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: app}
spec:
${spec}  containers:
  - {name: c, image: "busybox:1.36"}
`;

testControl(workloadServiceAccountExists, [
  {
    name: 'a named account among the objects passes; one in another namespace does not count',
    yaml: `${pod('a', '  serviceAccountName: worker\n')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: worker, namespace: app}\n---\n${pod('b', '  serviceAccountName: runner\n')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner, namespace: other}\n`,
    expect: [
      { status: 'pass', subject: 'Pod app/a', line: 5 },
      { status: 'fail', subject: 'Pod app/b', line: 17, message: /names no ServiceAccount in namespace app among the scanned objects/ },
    ],
  },
  {
    name: 'the deprecated serviceAccount field counts too; default and unset pass',
    yaml: `${pod('c', '  serviceAccount: ghost\n')}---\n${pod('d', '  serviceAccountName: default\n')}---\n${pod('e', '')}`,
    expect: [
      { status: 'fail', subject: 'Pod app/c', message: /serviceAccount "ghost"/ },
      { status: 'pass', subject: 'Pod app/d' },
      { status: 'pass', subject: 'Pod app/e' },
    ],
  },
]);
