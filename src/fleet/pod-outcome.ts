import type { Result } from '../engine/result.js';

/** What a node-audit pod (or its Job) says about the audit of its node. */
export type NodeAuditOutcome =
  | { state: 'running' }
  | { state: 'succeeded' }
  /** Ran and failed, or cannot start and will not without a change (unschedulable, image pull errors). */
  | { state: 'failed'; reason: string };

interface ContainerState {
  waiting?: { reason?: string; message?: string };
  terminated?: { exitCode?: number; reason?: string; message?: string };
}
interface PodLike {
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: { type?: string; status?: string; reason?: string; message?: string }[];
    containerStatuses?: { name?: string; state?: ContainerState }[];
    initContainerStatuses?: { name?: string; state?: ContainerState }[];
  };
}

/** Waiting reasons after which the container does not start without a change to the pod or node. */
const STUCK_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'CrashLoopBackOff']);

const detail = (reason?: string, message?: string) => [reason, message].filter(Boolean).join(': ');

/** The outcome of one node-audit pod from its status: phase, scheduling condition, container states. */
export function podOutcome(pod: PodLike): NodeAuditOutcome {
  const status = pod.status ?? {};
  const containers = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  if (status.phase === 'Succeeded') return { state: 'succeeded' };
  if (status.phase === 'Failed') {
    const terminated = containers.map((c) => c.state?.terminated).find((t) => t && t.exitCode !== 0);
    if (terminated) {
      return { state: 'failed', reason: `the node audit exited with code ${terminated.exitCode ?? '?'}${terminated.reason || terminated.message ? ` (${detail(terminated.reason, terminated.message)})` : ''}` };
    }
    return { state: 'failed', reason: `the pod failed${status.reason || status.message ? `: ${detail(status.reason, status.message)}` : ''}` };
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return { state: 'failed', reason: `the pod cannot be scheduled on the node: ${scheduled.message ?? 'Unschedulable'}` };
  }
  for (const container of containers) {
    const waiting = container.state?.waiting;
    if (waiting?.reason && STUCK_WAITING.has(waiting.reason)) {
      return { state: 'failed', reason: `container ${container.name ?? '?'} cannot start: ${detail(waiting.reason, waiting.message)}` };
    }
  }
  return { state: 'running' };
}

export const FLEET_NODE_AUDITED = 'fleet-node-audited';

const NODE_AUDITED_REMEDIATION = 'Fix the reason (taints: --tolerate-all; image pulls: --image, --image-pull-secret; timeouts: --timeout) and run `kubeharden fleet run` again, or audit the node with `kubeharden node` on it.';

/** The error result that keeps a node that could not be audited in the report, with the reason. */
export function nodeNotAuditedResult(node: string, reason: string): Result {
  return {
    control: FLEET_NODE_AUDITED,
    title: 'Every node of the cluster is audited',
    severity: 'high',
    status: 'error',
    refs: [],
    subject: { type: 'component', kind: 'Node', node },
    message: `node ${node} was not audited: ${reason}`,
    remediation: NODE_AUDITED_REMEDIATION,
  };
}

/** Its pass counterpart: every listed node has one `fleet-node-audited` result, so a report shows which nodes it covers. */
export function nodeAuditedResult(node: string, detail: string): Result {
  return { ...nodeNotAuditedResult(node, ''), status: 'pass', message: `node ${node} was audited: ${detail}` };
}
