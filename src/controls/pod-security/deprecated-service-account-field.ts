import { fail, pass, perPod } from '../control.js';

export const deprecatedServiceAccountField = perPod(
  {
    id: 'deprecated-service-account-field',
    title: 'Pods must name their service account with serviceAccountName, not the deprecated serviceAccount',
    severity: 'low',
    family: 'pod-security',
    rationale:
      'spec.serviceAccount is a deprecated alias of serviceAccountName. When both are set and differ, the pod runs as ' +
      'serviceAccountName, so a reviewer reading serviceAccount audits the wrong identity; tools that read only ' +
      'serviceAccountName miss an account set through the old field.',
    remediation: 'Replace spec.serviceAccount with spec.serviceAccountName (same value), and remove the old field.',
    refs: [],
  },
  (workload) => {
    // An empty string is no value: the API server then takes the other field.
    const set = (field: string) => {
      const located = workload.podField(field);
      return located && located.value !== '' ? located : undefined;
    };
    const old = set('serviceAccount');
    const current = set('serviceAccountName');
    if (!old) return pass('the pod does not use the deprecated serviceAccount field', current?.path ?? workload.podSpecPath);
    if (!current) return fail(`the pod names its ServiceAccount "${String(old.value)}" with the deprecated serviceAccount field only`, old.path);
    if (current.value !== old.value) {
      return fail(`the pod sets serviceAccount: "${String(old.value)}" but serviceAccountName: "${String(current.value)}"; it runs as "${String(current.value)}"`, old.path);
    }
    return pass(`the deprecated serviceAccount field repeats serviceAccountName "${String(current.value)}"`, old.path);
  },
);
