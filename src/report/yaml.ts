import yaml from 'js-yaml';
import type { ResultsDocument } from '../engine/result.js';

/** The results document as YAML: the same shape and key order as JSON. */
export function renderYaml(document: ResultsDocument): string {
  return yaml.dump(document, { noRefs: true, lineWidth: -1, sortKeys: false });
}
