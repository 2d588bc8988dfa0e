import { parseDurationSeconds, parseGoBool, parseKeyValueList, splitList } from './flags.js';
import type { SettingValue } from './config.js';

/** A setting as a boolean, the way pflag/Go parse it; undefined when it is not one. */
export function boolValue(value: SettingValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return parseGoBool(value);
  return undefined;
}

/** A setting as a list (comma list on the command line, array in a config file). */
export function listValue(value: SettingValue): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return splitList(value);
  if (typeof value === 'object') return Object.keys(value);
  return [String(value)];
}

/** A setting as a key → value map (`A=true,B=false`, or a config-file map). */
export function mapValue(value: SettingValue): Record<string, string> {
  if (typeof value === 'string') return parseKeyValueList(value);
  if (Array.isArray(value)) return parseKeyValueList(value.join(','));
  if (typeof value === 'object') return value;
  return {};
}

/** A setting as a number (integer flags, config-file numbers); undefined when it is not one. */
export function numberValue(value: SettingValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A setting as a duration in seconds (`1m0s`, `300s`, `4h`); undefined when it is not one. */
export function durationValue(value: SettingValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseDurationSeconds(value);
  return undefined;
}

/** A setting as written, for messages. */
export function displayValue(value: SettingValue): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${v}`).join(',');
  return String(value);
}
