import { policyControlMechanism } from '../../../src/controls/network/policy-control-mechanism.js';
import { testControl } from '../../control-tester.js';

testControl(policyControlMechanism, [
  {
    name: 'a namespace enforcing Pod Security Admission is a mechanism',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: restricted}\n',
    expect: [{ status: 'pass', subject: 'cluster', message: /enforce labels on shop \(restricted\)/ }],
  },
  {
    name: "Gatekeeper's webhook is recognised by its service namespace",
    yaml: `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy-webhook}
webhooks:
- name: validation.gatekeeper.sh
  clientConfig: {service: {name: gatekeeper-webhook-service, namespace: gatekeeper-system}}
`,
    expect: [{ status: 'pass', subject: 'cluster', message: /OPA Gatekeeper: ValidatingWebhookConfiguration policy-webhook/ }],
  },
  {
    name: 'an unknown webhook on pods is for a human to judge; nothing at all in manifests is manual too',
    yaml: `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: pod-labeler}
webhooks:
- name: pod-label-add.example.com
  rules: [{apiGroups: [""], apiVersions: [v1], resources: [pods], operations: [CREATE]}]
`,
    expect: [{ status: 'manual', subject: 'cluster', message: /confirm they enforce pod security policy/ }],
  },
  {
    name: 'a namespace without labels is not a mechanism (fail is reserved for a complete cluster view)',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    expect: [{ status: 'manual', subject: 'cluster', message: /no Pod Security Admission enforce label/ }],
  },
  {
    name: 'a whole cluster with no mechanism fails',
    yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    complete: true,
    expect: [{ status: 'fail', subject: 'cluster', message: /AdmissionConfiguration is not visible here/ }],
  },
]);
