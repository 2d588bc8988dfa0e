import type { EksCheck, EksControl } from '../control.js';
import type { EcrRepository, EksEvidence } from '../../evidence/eks.js';
import { cisEks } from '../../frameworks/cis-eks.js';
import { eksCacRule } from '../../frameworks/eks-cac.js';
import { ecrFilterMatches, missing, verdict } from './eks-evidence.js';

const SCANNING_FREQUENCIES = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

export const eksEcrImageScanning: EksControl = {
  id: 'eks-ecr-image-scanning',
  title: 'ECR repositories must scan images for vulnerabilities on push or continuously',
  severity: 'medium',
  family: 'eks',
  rationale:
    'Known vulnerabilities in image packages are the cheapest way into a workload. Scanning on push (basic) or continuously (enhanced, Amazon Inspector) reports them before and after an image is deployed.',
  remediation:
    'aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\' — or, with basic scanning, a SCAN_ON_PUSH rule whose filter covers every repository.',
  refs: [...eksCacRule('image_scanning'), ...cisEks('5.1.1')],
  scope: 'eks',
  evaluate(evidence) {
    if (evidence.repositories.state !== 'present') return [missing(evidence.repositories, 'whether images are scanned')];
    if (evidence.repositories.value.length === 0) {
      return [verdict('manual', 'the ECR registry has no repositories in this region: are the images deployed to the cluster scanned for vulnerabilities by the registry they come from or a third-party scanner?')];
    }
    return [...evidence.repositories.value]
      .sort((a, b) => a.repositoryName.localeCompare(b.repositoryName))
      .map((repository) => ({ ...scanningOf(repository, evidence), resource: { kind: 'ecr-repository', name: repository.repositoryName } }));
  },
};

function scanningOf(repository: EcrRepository, evidence: EksEvidence): EksCheck {
  const name = repository.repositoryName;
  const scanOnPush = repository.imageScanningConfiguration?.scanOnPush === true;
  const registry = evidence.registryScanning;
  if (registry.state === 'error') return missing(registry, `whether repository ${name} is scanned`);
  if (registry.state === 'absent') {
    return scanOnPush
      ? verdict('pass', `repository ${name} has scanOnPush enabled`)
      : missing(registry, `whether repository ${name} is scanned (its own scanOnPush is off)`);
  }
  const scanType = registry.value.scanType ?? 'BASIC';
  for (const rule of registry.value.rules ?? []) {
    if (!SCANNING_FREQUENCIES.has(rule.scanFrequency ?? '')) continue;
    const filter = (rule.repositoryFilters ?? []).find((f) => typeof f.filter === 'string' && ecrFilterMatches(f.filter, name));
    if (filter) return verdict('pass', `repository ${name} is scanned (${scanType} scanning, ${rule.scanFrequency}, filter "${filter.filter}")`);
  }
  // With enhanced scanning only the registry's rules decide; basic scanning still honours the repository's own scanOnPush.
  if (scanType === 'BASIC' && scanOnPush) return verdict('pass', `repository ${name} has scanOnPush enabled (BASIC scanning)`);
  return verdict('fail', `repository ${name} is not scanned on push or continuously: no ${scanType} scanning rule with SCAN_ON_PUSH or CONTINUOUS_SCAN covers it${scanType === 'BASIC' ? ' and its scanOnPush is off' : ''}`);
}
