import { asArray, isRecord } from './kube-object.js';

/**
 * Whether `labels` match a Kubernetes LabelSelector (matchLabels AND every matchExpression).
 * An empty selector matches everything; a selector that is not an object matches nothing.
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!isRecord(selector)) return false;
  const have = labels ?? {};
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (have[key] !== value) return false;
  }
  for (const raw of asArray(selector.matchExpressions)) {
    if (!isRecord(raw) || typeof raw.key !== 'string') return false;
    const values = asArray(raw.values).map(String);
    const present = Object.hasOwn(have, raw.key);
    const value = have[raw.key];
    switch (raw.operator) {
      case 'In':
        if (!present || !values.includes(value!)) return false;
        break;
      case 'NotIn':
        if (present && values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True for `{}` (or a selector with no requirements): it selects every pod/object. */
export function isEmptySelector(selector: unknown): boolean {
  return isRecord(selector) && Object.keys(isRecord(selector.matchLabels) ? selector.matchLabels : {}).length === 0
    && asArray(selector.matchExpressions).length === 0;
}
