// Writes deploy/kubeharden.yaml from src/fleet/ (run after `npm run build`); a test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { deployYaml, shippedDeployOptions } from '../dist/src/fleet/deploy-manifests.js';

const rbac = loadAll(readFileSync('deploy/rbac.yaml', 'utf8'));
writeFileSync('deploy/kubeharden.yaml', deployYaml(shippedDeployOptions(rbac)));
console.log('wrote deploy/kubeharden.yaml');
