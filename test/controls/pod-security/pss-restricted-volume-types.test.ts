import { pssRestrictedVolumeTypes } from '../../../src/controls/pod-security/pss-restricted-volume-types.js';
import { testControl } from '../../control-tester.js';

testControl(pssRestrictedVolumeTypes, [
  {
    name: 'core volume types pass',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
      volumes:
      - {name: tmp, emptyDir: {}}
      - {name: data, persistentVolumeClaim: {claimName: data}}
      - {name: token, projected: {sources: [{serviceAccountToken: {path: token}}]}}
      - {name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}}
`,
    expect: [{ status: 'pass', subject: 'Deployment shop/web', message: /emptyDir, persistentVolumeClaim, projected, ephemeral/ }],
  },
  {
    name: 'hostPath, nfs and gitRepo fail, listing each',
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers: [{name: app, image: app:1}]
  volumes:
  - {name: conf, configMap: {name: app}}
  - name: logs
    hostPath: {path: /var/log}
  - {name: share, nfs: {server: nfs.example.com, path: /exports}}
  - {name: src, gitRepo: {repository: "https://example.com/repo.git"}}
`,
    expect: [{ status: 'fail', subject: 'Pod ns/p', line: 9, message: /"logs" \(hostPath\), "share" \(nfs\), "src" \(gitRepo\)/ }],
  },
]);
