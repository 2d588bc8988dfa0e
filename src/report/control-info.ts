import { DOCUMENTED_CONTROLS } from '../controls/documented.js';
import type { ControlMeta } from '../controls/control.js';

const BY_ID = new Map<string, ControlMeta>(DOCUMENTED_CONTROLS.map((c) => [c.id, c]));

/**
 * What the catalog says about a control, looked up at render time: the results document carries
 * title and remediation but not the rationale, and a saved document may come from an older version
 * (then the control may be unknown and reports show what the document has).
 */
export function controlInfo(id: string): ControlMeta | undefined {
  return BY_ID.get(id);
}

/** Where a control's generated page is published (docs/controls/<id>.md). */
export const CONTROL_DOCS_BASE_URL = 'https://github.com/kubeharden/kubeharden/blob/main/docs/controls/';

export function controlDocsUrl(id: string): string {
  return `${CONTROL_DOCS_BASE_URL}${encodeURIComponent(id)}.md`;
}
