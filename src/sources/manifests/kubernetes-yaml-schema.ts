import yaml from 'js-yaml';

/*
 * Kubernetes decodes YAML with go-yaml v2 (sigs.k8s.io/yaml), i.e. YAML 1.1 scalars: `yes`/`on`
 * are true, `0644` is octal. A YAML 1.2 parser would read `privileged: yes` as a string and a
 * scanner built on it would pass a container the cluster runs privileged, so we resolve scalars
 * the way the API server's client does. Timestamps stay strings, as they do once converted to JSON.
 */

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

const yaml11Bool = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (TRUE_WORDS.has(data) || FALSE_WORDS.has(data)),
  construct: (data: string) => TRUE_WORDS.has(data),
  predicate: (value: unknown) => typeof value === 'boolean',
});

/** Go's strconv.ParseInt(s, 0, 64) after go-yaml strips underscores: 0x, 0o, 0b and leading-0 octal. */
const GO_INT = /^[-+]?(?:0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[1-9][0-9]*|0)$/;

function parseGoInt(text: string): number {
  const plain = text.replace(/_/g, '');
  const sign = plain.startsWith('-') ? -1 : 1;
  const digits = plain.replace(/^[-+]/, '');
  if (/^0[bB]/.test(digits)) return sign * parseInt(digits.slice(2), 2);
  if (/^0[xX]/.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (/^0[oO]/.test(digits)) return sign * parseInt(digits.slice(2), 8);
  if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits.slice(1), 8);
  return sign * parseInt(digits, 10);
}

const yaml11Int = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && data.replace(/_/g, '') !== '' && GO_INT.test(data.replace(/_/g, '')),
  construct: parseGoInt,
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
});

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const builtIn = (yaml as unknown as { types: Record<'null' | 'float' | 'merge', yaml.Type> }).types;

export const KUBERNETES_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtIn.null, yaml11Bool, yaml11Int, builtIn.float, builtIn.merge],
});
