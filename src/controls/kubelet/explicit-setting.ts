/**
 * Kubelet items whose benchmark text demands an explicit setting ("If --anonymous-auth=false does
 * not exist ... or authentication: anonymous: enabled: false does not exist ..., this is a
 * finding"): an unset value fails even where the kubelet's default would satisfy it, and the
 * message says what that default is.
 */
import { configFileUnread, effectiveSetting, type ComponentConfig } from '../../evidence/component-config/config.js';
import { SCHEMAS } from '../../evidence/component-config/schema.js';
import { displayValue, durationValue } from '../../evidence/component-config/values.js';
import { componentControl, judgeFlag, type ComponentControlSpec, type Expectation } from '../component-flag.js';
import type { Check, ComponentControl } from '../control.js';

export interface ExplicitSpec extends ComponentControlSpec {
  flag: string;
  /** The config-file field named in messages, e.g. authentication.anonymous.enabled. */
  field: string;
  expect: Expectation;
}

export function explicitSettingControl(spec: ExplicitSpec): ComponentControl {
  return componentControl(spec, (config) => {
    const effective = effectiveSetting(config, spec.flag);
    if (effective.state === 'set') return [judgeFlag(config, spec.flag, spec.expect)];
    const unread = unreadConfigCheck(config, spec.flag, spec.field);
    if (unread) return [unread];
    const fallback = effective.state === 'default' ? ` (the default would be ${displayValue(effective.value)}, but the benchmark requires the setting to be written)` : '';
    return [{ status: 'fail', message: `neither --${spec.flag} nor ${spec.field} in the config file is set${fallback}; the benchmark requires it ${spec.expect.wants}` }];
  });
}

/**
 * An unset flag whose field lives in a config file that was not read: `error` when reading failed,
 * `manual` when the file was not available; undefined when the file was read (or none is used).
 */
export function unreadConfigCheck(config: ComponentConfig, flag: string, field: string): Check | undefined {
  if (!configFileUnread(config) || !(flag in SCHEMAS[config.kind].configFields)) return undefined;
  const file = config.configFile;
  if (file?.error !== undefined) {
    return { status: 'error', message: `--${flag} is not on the command line and the config file ${file.path} could not be read: ${file.error}`, location: { file: file.path } };
  }
  return { status: 'manual', message: `--${flag} is not on the command line and the config file was not read; check ${field} there` };
}

/** The kubelet's own value when it reads zero from its config file: a 0 duration field means "use the default". */
export function configFileZeroDuration(config: ComponentConfig, flag: string): boolean {
  const setting = config.settings.get(flag);
  return setting?.origin.type === 'config-file' && durationValue(setting.value) === 0;
}
