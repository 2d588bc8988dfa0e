import type { Control } from '../controls/control.js';
import type { ComponentConfig } from '../evidence/component-config/config.js';
import { NODE_COMPONENTS, type NodeComponentKind, type NodeEvidence } from '../evidence/node.js';
import { inputErrorResult } from './input-errors.js';
import type { Result, ScanTarget, Subject } from './result.js';
import { evaluateComponent } from './scan-components.js';
import { toResult } from './scan-objects.js';

/**
 * Runs the node and component controls over one node's evidence, in catalog order. A component
 * control whose component does not run here gives one `not-applicable` result; unreadable
 * evidence and symlinks that point out of the root give `error` results first.
 */
export function scanNode(node: NodeEvidence, controls: readonly Control[]): Result[] {
  const results: Result[] = [];
  for (const problem of node.problems) results.push(inputErrorResult(problem.path, problem.message));
  const components = NODE_COMPONENTS.map((kind) => node.components[kind]).filter((c): c is ComponentConfig => c !== undefined);
  for (const config of components) {
    for (const problem of config.problems) results.push(inputErrorResult(config.configFile?.path ?? config.source.file ?? config.kind, `${config.kind}: ${problem}`));
  }
  for (const control of controls) {
    if (control.scope === 'node') {
      for (const check of control.evaluate(node)) {
        const subject: Subject =
          check.subject.type === 'file'
            ? { type: 'file', path: check.subject.path, node: node.hostname }
            : { type: 'component', kind: check.subject.kind, node: node.hostname };
        results.push(toResult(control, check, subject));
      }
    } else if (control.scope === 'component') {
      const config = node.components[control.component];
      if (!config) {
        results.push(
          toResult(control, { status: 'not-applicable', message: absentMessage(control.component, node) }, { type: 'component', kind: control.component, node: node.hostname }),
        );
        continue;
      }
      evaluateComponent(control, config, components.filter((peer) => peer !== config), node.hostname, (result) => results.push(result));
    }
  }
  return results;
}

function absentMessage(kind: NodeComponentKind, node: NodeEvidence): string {
  if (kind === 'kube-proxy' && node.components.kubelet && !node.processTable) {
    // On an image there is no process table; kubeadm and EKS run kube-proxy as a DaemonSet.
    return 'kube-proxy was not found on this node image; where it runs as a DaemonSet its settings are in ConfigMap kube-system/kube-proxy (kubeharden scan checks it)';
  }
  return `${kind} does not run on this node`;
}

/** The scan target of a node scan, as the results document reports it. */
export function nodeTarget(root: string, node: NodeEvidence): ScanTarget {
  const target: ScanTarget = { type: 'node', root, hostname: node.hostname, distribution: node.distribution };
  if (node.distributionDetail) target.distributionDetail = node.distributionDetail;
  if (node.version) target.kubernetesVersion = node.version;
  target.components = Object.fromEntries(NODE_COMPONENTS.filter((k) => node.componentOrigins[k]).map((k) => [k, node.componentOrigins[k]]));
  return target;
}

/** Per component, the flags whose files the controls read (`needsFiles`), for the node source to load. */
export function filesNeeded(controls: readonly Control[]): Partial<Record<NodeComponentKind, string[]>> {
  const needed: Partial<Record<NodeComponentKind, string[]>> = {};
  for (const control of controls) {
    if (control.scope !== 'component' || !control.needsFiles) continue;
    const list = (needed[control.component] ??= []);
    for (const flag of control.needsFiles) if (!list.includes(flag)) list.push(flag);
  }
  return needed;
}
