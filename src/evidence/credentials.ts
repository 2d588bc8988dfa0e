/**
 * Heuristics for literal credentials in configuration. They decide from names and value shapes only,
 * and return a reason — never the value — so callers can report without leaking it.
 */

/** Name words that mean the value is a credential. */
const CREDENTIAL_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials',
  'privatekey', 'accesskey', 'secretkey', 'clientsecret', 'authtoken', 'jwt',
]);

/** Split FOO_BAR-baz.quxQuux into lower-case words: foo, bar, baz, qux, quux. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Why a variable name says its value is a credential, or undefined. */
export function credentialName(name: string): string | undefined {
  const parts = words(name);
  const word = parts.find((w) => CREDENTIAL_WORDS.has(w));
  if (word) return `its name contains "${word}"`;
  // API_KEY, AZURE_BATCH_KEY, SIGNING_KEY; not KEY_ID or KEYSPACE.
  if (parts.length > 1 && parts[parts.length - 1] === 'key') return 'its name ends in "key"';
  return undefined;
}

const VALUE_SHAPES: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
  [/^\s*(bearer|basic)\s+\S{6,}/i, 'an HTTP authorization credential'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/, 'a JSON Web Token'],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
];

/** Why a value looks like a credential whatever its name, or undefined. */
export function credentialValue(value: string): string | undefined {
  return VALUE_SHAPES.find(([shape]) => shape.test(value))?.[1];
}

/**
 * Values that cannot be a credential even under a credential-like name: empty, a file path
 * (SECRET_KEY_PATH=/etc/key), a $(VAR) reference, a boolean or a number.
 */
export function isPlainSetting(value: string): boolean {
  const v = value.trim();
  return v === '' || v.startsWith('/') || /^\$\([A-Za-z0-9_]+\)$/.test(v) || /^(true|false|yes|no|on|off)$/i.test(v) || /^\d+$/.test(v);
}

/** Why `name = value` looks like a literal credential (value shape first, then name), or undefined. */
export function literalCredential(name: string, value: string): string | undefined {
  const shape = credentialValue(value);
  if (shape) return `its value looks like ${shape}`;
  return isPlainSetting(value) ? undefined : credentialName(name);
}

/**
 * Credential-like `key=value` / `key: value` lines inside a file-like value (application.properties,
 * config.yaml …): the keys that look like credentials, never their values.
 */
export function credentialPropertiesIn(content: string): string[] {
  const found: string[] = [];
  for (const line of content.split('\n')) {
    const match = /^\s*([A-Za-z0-9_.-]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (!match || match[1]!.startsWith('#')) continue;
    const value = match[2]!.replace(/^["']|["']$/g, '');
    if (value !== '' && literalCredential(match[1]!, value)) found.push(match[1]!);
  }
  return found;
}
