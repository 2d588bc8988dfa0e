import { defaultServiceAccountAutomount } from '../../../src/controls/rbac/default-service-account-automount.js';
import { testControl } from '../../control-tester.js';

testControl(defaultServiceAccountAutomount, [
  {
    name: 'automountServiceAccountToken: false on the default ServiceAccount passes',
    yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop}\nautomountServiceAccountToken: false\n',
    expect: [{ status: 'pass', subject: 'ServiceAccount shop/default', line: 4 }],
  },
  {
    name: 'unset means mounted (as every namespace gets it)',
    yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop}\n',
    expect: [{ status: 'fail', subject: 'ServiceAccount shop/default', message: /defaults to mounting/ }],
  },
  {
    name: 'true fails at its line',
    yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop}\nautomountServiceAccountToken: true\n',
    expect: [{ status: 'fail', subject: 'ServiceAccount shop/default', line: 4 }],
  },
  {
    name: 'other service accounts are not the default one (service-account-token-automount judges their pods)',
    yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n',
    expect: [],
  },
]);
