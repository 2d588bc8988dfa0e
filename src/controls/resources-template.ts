import { getPath } from '../evidence/kube-object.js';
import { fail, notApplicable, pass, perContainer, type ControlMeta, type WorkloadControl } from './control.js';

/** One resource (cpu, memory) must have both a request and a limit on every container that can have them. */
export function requestsAndLimits(meta: ControlMeta, resource: 'cpu' | 'memory'): WorkloadControl {
  return perContainer(meta, (container) => {
    const name = container.name;
    // The API server rejects resources on ephemeral containers: they share the pod's.
    if (container.type === 'ephemeralContainers') return notApplicable(`ephemeral container "${name}" cannot declare resources`, container.path);
    const request = getPath(container.spec, ['resources', 'requests', resource]);
    const limit = getPath(container.spec, ['resources', 'limits', resource]);
    const missing = [request === undefined ? `${resource} request` : '', limit === undefined ? `${resource} limit` : ''].filter(Boolean);
    const path = [...container.path, 'resources'];
    if (missing.length > 0) return fail(`container "${name}" has no ${missing.join(' and no ')}`, path);
    // "400m" memory is 0.4 bytes: always a typo for Mi, and the container cannot start with it.
    if (resource === 'memory') {
      for (const [kind, value] of [['requests', request], ['limits', limit]] as const) {
        if (/^\d+(\.\d+)?m$/.test(String(value))) {
          return fail(`container "${name}" sets ${kind}.memory: ${String(value)}, which is ${String(value).slice(0, -1)} thousandths of a byte (did you mean ${String(value).slice(0, -1)}Mi?)`, [...path, kind, resource]);
        }
      }
    }
    return pass(`container "${name}" requests ${String(request)} ${resource} and is limited to ${String(limit)}`, [...path, 'limits', resource]);
  });
}
