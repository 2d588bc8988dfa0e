import type { ComponentControl, Control } from '../controls/control.js';
import type { ComponentConfig } from '../evidence/component-config/config.js';
import type { Result, Subject } from './result.js';
import { toResult } from './scan-objects.js';

/**
 * Runs every component control over the components found on one node (by the node source):
 * subject `component` with the node's hostname and the file/line of the deciding setting.
 * A control whose component is absent from the node yields nothing here; the node command
 * reports it as not-applicable.
 */
export function evaluateComponents(
  controls: readonly Control[],
  components: readonly ComponentConfig[],
  node: string,
  emit: (result: Result) => void,
): void {
  for (const control of controls) {
    if (control.scope !== 'component') continue;
    for (const config of components) {
      if (config.kind !== control.component) continue;
      evaluateComponent(control, config, components.filter((peer) => peer !== config), node, emit);
    }
  }
}

export function evaluateComponent(
  control: ComponentControl,
  config: ComponentConfig,
  peers: readonly ComponentConfig[],
  node: string,
  emit: (result: Result) => void,
): void {
  for (const check of control.evaluate(config, { peers })) {
    const subject: Subject = { type: 'component', kind: config.kind, node };
    const file = check.location?.file ?? config.source.file;
    if (file !== undefined) subject.file = file;
    if (check.location?.line !== undefined) subject.line = check.location.line;
    emit(toResult(control, check, subject));
  }
}
