import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { CATALOG } from '../../src/controls/catalog.js';
import { scanManifests } from '../../src/engine/scan-manifests.js';
import { WaiverSet } from '../../src/engine/waivers.js';

it('exceptions and exemption annotations apply to inventory controls (RBAC, network) too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-inv-waiver-'));
  writeFileSync(
    join(dir, 'app.yaml'),
    [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n  annotations:\n    kubeharden.io/exempt-namespace-network-policy: "isolated lab network, no ingress"\n',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    ].join('---\n'),
  );
  const controls = CATALOG.filter((c) => c.id === 'namespace-network-policy');
  const waivers = new WaiverSet([]);
  const results = await scanManifests([dir], { controls, waivers });
  assert.deepEqual(
    results.map((r) => [r.status, r.subject.type === 'resource' ? r.subject.name : '', r.waiver?.justification]),
    [
      ['waived', 'lab', 'isolated lab network, no ingress'],
      ['fail', 'shop', undefined],
    ],
  );
  const byConfig = new WaiverSet([{ control: 'namespace-network-policy', selector: { namespace: 'shop' }, justification: 'policies live in the service mesh', source: 'test:1' }]);
  const configured = await scanManifests([dir], { controls, waivers: byConfig });
  assert.deepEqual(configured.map((r) => r.status), ['waived', 'waived']);
});
