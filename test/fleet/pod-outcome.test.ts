import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeNotAuditedResult, podOutcome } from '../../src/fleet/pod-outcome.js';

describe('podOutcome', () => {
  const cases: [string, unknown, ReturnType<typeof podOutcome>][] = [
    ['succeeded', { status: { phase: 'Succeeded' } }, { state: 'succeeded' }],
    ['running', { status: { phase: 'Running', containerStatuses: [{ name: 'node-audit', state: { running: {} } }] } }, { state: 'running' }],
    ['pending, being created', { status: { phase: 'Pending', containerStatuses: [{ name: 'node-audit', state: { waiting: { reason: 'ContainerCreating' } } }] } }, { state: 'running' }],
    ['no status yet', {}, { state: 'running' }],
    ['failed with an exit code', { status: { phase: 'Failed', containerStatuses: [{ name: 'node-audit', state: { terminated: { exitCode: 2, reason: 'Error' } } }] } },
      { state: 'failed', reason: 'the node audit exited with code 2 (Error)' }],
    ['evicted', { status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } },
      { state: 'failed', reason: 'the pod failed: Evicted: The node was low on resource: memory.' }],
    ['unschedulable (taint)', {
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }." }] },
    }, { state: 'failed', reason: "the pod cannot be scheduled on the node: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }." }],
    ['image pull back-off', {
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }], containerStatuses: [{ name: 'node-audit', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x:1"' } } }] },
    }, { state: 'failed', reason: 'container node-audit cannot start: ImagePullBackOff: Back-off pulling image "x:1"' }],
  ];
  for (const [name, pod, expected] of cases) it(name, () => assert.deepEqual(podOutcome(pod as Parameters<typeof podOutcome>[0]), expected));
});

describe('nodeNotAuditedResult', () => {
  it('is an error naming the node and the reason', () => {
    const result = nodeNotAuditedResult('cp-1', 'timed out after 300s');
    assert.equal(result.status, 'error');
    assert.equal(result.control, 'fleet-node-audited');
    assert.deepEqual(result.subject, { type: 'component', kind: 'Node', node: 'cp-1' });
    assert.equal(result.message, 'node cp-1 was not audited: timed out after 300s');
  });
});
