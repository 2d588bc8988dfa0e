import { imageTagMutable } from '../../../src/controls/pod-security/image-tag-mutable.js';
import { testControl } from '../../control-tester.js';

testControl(imageTagMutable, [
  {
    name: 'a version tag or a digest passes; no tag and latest fail',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - {name: tagged, image: nginx:1.27.1}
      - {name: digest, image: "nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
      - name: untagged
        image: nginx
      - {name: latest, image: "gcr.io/google-samples/node-hello:latest"}
`,
    expect: [
      { status: 'pass', subject: 'Deployment shop/web [tagged]' },
      { status: 'pass', subject: 'Deployment shop/web [digest]' },
      { status: 'fail', subject: 'Deployment shop/web [untagged]', line: 12, message: /without a tag, which means :latest/ },
      { status: 'fail', subject: 'Deployment shop/web [latest]', message: /a moving tag/ },
    ],
  },
  {
    name: 'a registry port is not a tag; latest with a digest is pinned; a malformed digest fails; init containers count',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers:
  - {name: app, image: "registry.example.com:5000/team/app"}
  - {name: pinned, image: "app:latest@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
  initContainers:
  - {name: init, image: "localhost:5000/init:2.0"}
  - {name: broken, image: "nginx@sha256:abc"}
`,
    expect: [
      { status: 'fail', subject: 'Pod ns/p [app]', message: /without a tag/ },
      { status: 'pass', subject: 'Pod ns/p [pinned]' },
      { status: 'pass', subject: 'Pod ns/p [init]' },
      { status: 'fail', subject: 'Pod ns/p [broken]', message: /malformed: the pull fails/ },
    ],
  },
]);
