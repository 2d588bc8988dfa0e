import assert from 'node:assert/strict';
import { it } from 'node:test';
import { imageNotDigest } from '../../../src/controls/pod-security/image-not-digest.js';
import { isValidDigest, parseImageReference } from '../../../src/evidence/images.js';
import { testControl } from '../../control-tester.js';

const A64 = 'a'.repeat(64);

testControl(imageNotDigest, [
  {
    name: 'a well-formed digest passes, with or without a tag; a tag alone fails',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: payments}
spec:
  template:
    spec:
      containers:
      - {name: digest, image: "registry.example.com/payments/api@sha256:${A64}"}
      - {name: both, image: "nginx:1.25@sha256:${A64}"}
      - name: tag
        image: nginx:1.25
`,
    expect: [
      { status: 'pass', subject: 'Deployment payments/api [digest]' },
      { status: 'pass', subject: 'Deployment payments/api [both]' },
      { status: 'fail', subject: 'Deployment payments/api [tag]', line: 12, message: /without a digest/ },
    ],
  },
  {
    name: 'malformed digests fail: short, upper-case hex',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: short, image: "nginx@sha256:abc"}
  - {name: upper, image: "nginx@sha256:${A64.toUpperCase()}"}
  ephemeralContainers:
  - {name: debug, image: "busybox:1.36"}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [short]', message: /malformed/ },
      { status: 'fail', subject: 'Pod ns/p [upper]', message: /malformed/ },
      { status: 'fail', subject: 'Pod ns/p [debug]', message: /without a digest/ },
    ],
  },
]);

it('parses image references as the runtime does', () => {
  assert.deepEqual(parseImageReference('registry.example.com:5000/myapp:1.0'), {
    raw: 'registry.example.com:5000/myapp:1.0', registry: 'registry.example.com:5000', repository: 'myapp', tag: '1.0', digest: undefined,
  });
  assert.deepEqual(parseImageReference('library/nginx'), { raw: 'library/nginx', registry: undefined, repository: 'library/nginx', tag: undefined, digest: undefined });
  assert.equal(parseImageReference(`nginx:1.25@sha256:${A64}`).tag, '1.25');
});

it('validates digests by the OCI grammar, strictly for registered algorithms', () => {
  assert.ok(isValidDigest(`sha256:${A64}`));
  assert.ok(isValidDigest(`sha512:${'a'.repeat(128)}`));
  assert.ok(isValidDigest(`blake3:${A64}`));
  assert.ok(!isValidDigest(`blake3:${'a'.repeat(63)}`));
  assert.ok(!isValidDigest(`sha512:${'a'.repeat(32)}`));
  assert.ok(isValidDigest('custom-algorithm:a'));
  assert.ok(!isValidDigest('sha256'));
  assert.ok(!isValidDigest(':abc'));
});
