import type { Control } from './control.js';
import { networkControls } from './network/index.js';
import { eksControls } from './eks/index.js';
import { podSecurityControls } from './pod-security/index.js';
import { apiserverControls } from './apiserver/index.js';
import { controllerManagerControls } from './controller-manager/index.js';
import { schedulerControls } from './scheduler/index.js';
import { etcdControls } from './etcd/index.js';
import { kubeProxyControls } from './kube-proxy/index.js';
import { rbacControls } from './rbac/index.js';

/** Every control kubeharden has, in the order reports list them. */
export const CATALOG: readonly Control[] = [
  ...podSecurityControls,
  ...rbacControls,
  ...networkControls,
  ...apiserverControls,
  ...controllerManagerControls,
  ...schedulerControls,
  ...etcdControls,
  ...kubeProxyControls,
  ...eksControls,
];

export function findControl(id: string): Control | undefined {
  return CATALOG.find((control) => control.id === id);
}
